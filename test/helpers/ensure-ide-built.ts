import { buildIde, IDE_DIST } from '../../api/front-door/ide/build.js';
import { buildOnce } from '../../support/build-once.js';

/** dist/ide (the front door's GraphQL IDE), built once per state of api/front-door. */
export const ensureIdeBuilt = () => buildOnce({ sources: ['api/front-door'], dist: IDE_DIST, build: buildIde });
