// The scheduled ingest function for serverless.yml, included once its handler exists: the ingest
// code and this deployment are built separately, and `serverless package` must pass in between.
const { existsSync } = require('node:fs');
const { join } = require('node:path');

const HANDLER_SOURCE = join(__dirname, '..', 'api', 'handlers', 'ingest.ts');

module.exports.functions = () =>
  existsSync(HANDLER_SOURCE)
    ? { ingest: {
        handler: 'api/handlers/ingest.handler',
        description: 'Tide scheduled ingest from FRED/ALFRED, CFTC and Stooq',
        role: 'IngestRole',
        memorySize: 512,
        timeout: 600,
        environment: {
          TABLE_NAME: '${self:custom.tableName}',
          FRED_API_KEY_PARAM: '/tide/${sls:stage}/fred-api-key',
        },
        // After the US close on weekdays (FRED and Stooq update overnight; CFTC on Friday afternoons).
        events: [{ schedule: { rate: ['cron(30 23 ? * MON-FRI *)'], enabled: true } }],
      } }
    : {};
