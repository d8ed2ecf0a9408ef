import { buildAddin, DIST } from '../../addin/scripts/build.js';
import { buildOnce } from '../build-once.js';

/** addin/dist, built once per state of the add-in's sources. */
export const ensureAddinBuilt = () => buildOnce({ sources: ['addin/src', 'addin/scripts'], dist: DIST, build: buildAddin });
