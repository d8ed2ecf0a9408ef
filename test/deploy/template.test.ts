import { readFileSync, rmSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join, posix } from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureAddinBuilt } from '../../support/addin/ensure-built.js';
import { ensureIdeBuilt } from '../helpers/ensure-ide-built.js';
import { packageStage, type Packaged } from '../helpers/serverless-cli.js';

// `serverless package` (offline, dummy credentials) for both stages; every assertion reads the
// CloudFormation template that a deploy would send.

const table = JSON.parse(readFileSync('infra/table.json', 'utf8'));
const READ_ACTIONS = ['dynamodb:GetItem', 'dynamodb:Query', 'dynamodb:BatchGetItem'];

let dev: Packaged;
let prod: Packaged;
/** prod pointed at a restored table, with alarms to an address (docs/deploy.md, "Restore" and "Alarms"). */
let restored: Packaged;
beforeAll(async () => {
  // The addin function packages the built add-in and IDE; build them if no other test has.
  await ensureAddinBuilt();
  await ensureIdeBuilt();
  dev = await packageStage('dev');
  prod = await packageStage('prod');
  restored = await packageStage('prod', { table: 'tide-prod-restored', createTable: 'false', alarmEmail: 'ops@example.com' });
  console.log(`function zips (bytes): dev ${JSON.stringify(dev.zipBytes)}`);
}, 180_000);
afterAll(() => {
  for (const p of [dev, prod, restored]) if (p) rmSync(p.dir, { recursive: true, force: true });
});

const resources = (p: Packaged, type: string): [string, any][] => Object.entries(p.template.Resources).filter(([, r]: [string, any]) => r.Type === type) as [string, any][];
const statementsOf = (p: Packaged, role: string): any[] => p.template.Resources[role].Properties.Policies.flatMap((pol: any) => pol.PolicyDocument.Statement);
const list = <T>(v: T | T[]): T[] => (Array.isArray(v) ? v : [v]);
// The stage's table by name, so a stage can be pointed at a restored table the stack does not own.
const tableArnOf = (name: string) => ({ 'Fn::Sub': `arn:\${AWS::Partition}:dynamodb:\${AWS::Region}:\${AWS::AccountId}:table/${name}` });
const tableArn = tableArnOf('tide-dev');

describe('the table', () => {
  it('has the keys and index of infra/table.json, on-demand, with point-in-time recovery and encryption', () => {
    for (const p of [dev, prod]) {
      const t = p.template.Resources.TideTable;
      expect(t.Type).toBe('AWS::DynamoDB::Table');
      expect(t.Properties.KeySchema).toEqual([
        { AttributeName: 'pk', KeyType: 'HASH' },
        { AttributeName: 'sk', KeyType: 'RANGE' },
      ]);
      expect(t.Properties.AttributeDefinitions).toEqual(table.AttributeDefinitions);
      expect(t.Properties.GlobalSecondaryIndexes).toEqual(table.GlobalSecondaryIndexes);
      expect(t.Properties.BillingMode).toBe('PAY_PER_REQUEST');
      expect(t.Properties.PointInTimeRecoverySpecification).toEqual({ PointInTimeRecoveryEnabled: true });
      expect(t.Properties.SSESpecification).toEqual({ SSEEnabled: true });
    }
    expect(dev.template.Resources.TideTable.Properties.TableName).toBe('tide-dev');
    expect(prod.template.Resources.TideTable.Properties.TableName).toBe('tide-prod');
  });

  it("is the stack's own by default; a stage can be pointed at a restored table instead (params table, createTable)", () => {
    for (const p of [dev, prod]) {
      expect(p.template.Resources.TideTable.Condition).toBe('CreateTable');
      expect(holds(p, 'CreateTable')).toBe(true);
    }
    const off = structuredClone(dev);
    off.template.Conditions.CreateTable['Fn::Equals'][0] = 'false';
    expect(holds(off, 'CreateTable')).toBe(false);
    // Nothing else refers to the table resource: the functions and roles name the table, so they follow param table.
    const refs = JSON.stringify({ ...dev.template.Resources, TideTable: undefined });
    expect(refs).not.toContain('"TideTable"');
    expect(dev.template.Resources.GraphqlLambdaFunction.Properties.Environment.Variables.TABLE_NAME).toBe('tide-dev');
    expect(statementsOf(dev, 'IngestRole')[0].Resource).toEqual([tableArnOf('tide-dev')]);
    // Deployed with --param="table=tide-prod-restored" --param="createTable=false":
    expect(holds(restored, 'CreateTable')).toBe(false);
    expect(restored.template.Resources.GraphqlLambdaFunction.Properties.Environment.Variables.TABLE_NAME).toBe('tide-prod-restored');
    expect(restored.template.Resources.IngestLambdaFunction.Properties.Environment.Variables.TABLE_NAME).toBe('tide-prod-restored');
    expect(statementsOf(restored, 'GraphqlRole')[0].Resource[0]).toEqual(tableArnOf('tide-prod-restored'));
    expect(statementsOf(restored, 'IngestRole')[0].Resource).toEqual([tableArnOf('tide-prod-restored')]);
    expect(restored.template.Outputs.TableName.Value).toBe('tide-prod-restored');
  });

  it('is protected from deletion, and kept when the stack is removed, on prod only', () => {
    expect(prod.template.Resources.TideTable.Properties.DeletionProtectionEnabled).toBe(true);
    expect(prod.template.Resources.TideTable.DeletionPolicy).toBe('Retain');
    expect(prod.template.Resources.TideTable.UpdateReplacePolicy).toBe('Retain');
    expect(dev.template.Resources.TideTable.Properties.DeletionProtectionEnabled).toBe(false);
    expect(dev.template.Resources.TideTable.DeletionPolicy).toBe('Delete');
  });
});

describe('functions and IAM', () => {
  it('every function runs on nodejs22.x with a role of its own; no shared default role exists', () => {
    const fns = resources(dev, 'AWS::Lambda::Function');
    expect(fns.map(([id]) => id).sort()).toEqual(['AddinLambdaFunction', 'GraphqlLambdaFunction', 'IngestLambdaFunction']);
    for (const [id, fn] of fns) {
      expect(fn.Properties.Runtime).toBe('nodejs22.x');
      expect(fn.Properties.Role).toEqual({ 'Fn::GetAtt': [id.replace('LambdaFunction', 'Role'), 'Arn'] });
    }
    expect(dev.template.Resources.IamRoleLambdaExecution).toBeUndefined();
    expect(
      resources(dev, 'AWS::IAM::Role')
        .map(([id]) => id)
        .sort(),
    ).toEqual(['AddinRole', 'GraphqlRole', 'IngestRole']);
  });

  it('no Allow statement anywhere has a wildcard action or a "*" resource', () => {
    for (const p of [dev, prod]) {
      const allows = [
        ...resources(p, 'AWS::IAM::Role').flatMap(([id]) => statementsOf(p, id)),
        ...resources(p, 'AWS::S3::BucketPolicy').flatMap(([, r]) => r.Properties.PolicyDocument.Statement),
      ].filter((s) => s.Effect === 'Allow');
      expect(allows.length).toBeGreaterThan(5);
      for (const s of allows) {
        for (const action of list(s.Action)) expect(action).not.toContain('*');
        for (const resource of list(s.Resource)) expect(JSON.stringify(resource)).not.toContain('*');
      }
    }
  });

  it('graphql may only read: the table, its catalog index (API keys included), and write its own logs', () => {
    const [data, logs, ...rest] = statementsOf(dev, 'GraphqlRole');
    expect(rest).toEqual([]);
    expect({ ...data, Sid: undefined }).toEqual({
      Sid: undefined,
      Effect: 'Allow',
      Action: READ_ACTIONS,
      Resource: [tableArn, { 'Fn::Sub': 'arn:${AWS::Partition}:dynamodb:${AWS::Region}:${AWS::AccountId}:table/tide-dev/index/catalog' }],
    });
    expect(logs.Action).toEqual(['logs:CreateLogStream', 'logs:PutLogEvents']);
    expect(logs.Resource).toEqual([{ 'Fn::GetAtt': ['GraphqlLogGroup', 'Arn'] }]);
  });

  it('ingest may write series items, read only what its merge needs, never API-key items, never delete', () => {
    const [data, ssm, logs, failures, ...rest] = statementsOf(dev, 'IngestRole');
    expect(rest).toEqual([]);
    expect(failures).toEqual({ Sid: 'SendFailedRunsToQueue', Effect: 'Allow', Action: ['sqs:SendMessage'], Resource: [{ 'Fn::GetAtt': ['IngestFailureQueue', 'Arn'] }] });
    expect(data.Action).toEqual(['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:BatchWriteItem', 'dynamodb:GetItem', 'dynamodb:Query']);
    expect(data.Resource).toEqual([tableArn]);
    expect(data.Condition).toEqual({ 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['S#*'] } });
    expect(ssm.Action).toEqual(['ssm:GetParameter']);
    expect(ssm.Resource).toEqual([
      { 'Fn::Sub': 'arn:${AWS::Partition}:ssm:${AWS::Region}:${AWS::AccountId}:parameter/tide/dev/fred-api-key' },
      { 'Fn::Sub': 'arn:${AWS::Partition}:ssm:${AWS::Region}:${AWS::AccountId}:parameter/tide/dev/barchart-api-key' },
    ]);
    expect(logs).toMatchObject({ Action: ['logs:CreateLogStream', 'logs:PutLogEvents'], Resource: [{ 'Fn::GetAtt': ['IngestLogGroup', 'Arn'] }] });
  });

  it('the add-in function can only write its own logs', () => {
    expect(statementsOf(dev, 'AddinRole')).toEqual([
      { Sid: 'WriteOwnLogs', Effect: 'Allow', Action: ['logs:CreateLogStream', 'logs:PutLogEvents'], Resource: [{ 'Fn::GetAtt': ['AddinLogGroup', 'Arn'] }] },
    ]);
  });

  it('ingest runs on weekdays after the US close', () => {
    const fn = dev.template.Resources.IngestLambdaFunction;
    expect(fn.Properties.Handler).toBe('api/handlers/ingest.handler');
    expect(fn.Properties.Environment.Variables).toMatchObject({ TABLE_NAME: 'tide-dev', FRED_API_KEY_PARAM: '/tide/dev/fred-api-key', BARCHART_API_KEY_PARAM: '/tide/dev/barchart-api-key' });
    const rules = resources(dev, 'AWS::Events::Rule');
    expect(rules.map(([, r]) => r.Properties.ScheduleExpression)).toEqual(['cron(30 23 ? * MON-FRI *)']);
    expect(rules[0][1].Properties.Targets[0].Arn).toEqual({ 'Fn::GetAtt': ['IngestLambdaFunction', 'Arn'] });
  });
});

/** A condition of the template, evaluated as CloudFormation would (Equals, Not, And, Condition). */
function holds(p: Packaged, condition: string): boolean {
  const ev = (e: any): any => {
    if (typeof e !== 'object' || e === null) return e;
    if ('Fn::Equals' in e) return ev(e['Fn::Equals'][0]) === ev(e['Fn::Equals'][1]);
    if ('Fn::Not' in e) return !ev(e['Fn::Not'][0]);
    if ('Fn::And' in e) return e['Fn::And'].every(ev);
    if ('Condition' in e) return holds(p, e.Condition);
    throw new Error(`unexpected condition ${JSON.stringify(e)}`);
  };
  return ev(p.template.Conditions[condition]);
}

const alarm = (p: Packaged, id: string) => p.template.Resources[id].Properties;
const notifies = { AlarmActions: [{ Ref: 'AlarmTopic' }], OKActions: [{ Ref: 'AlarmTopic' }] };

describe('operations: failure destination, alarms, topic', () => {
  it("a scheduled run that fails after its retries goes to the stage's failure queue, kept two weeks", () => {
    for (const p of [dev, prod]) {
      const config = p.template.Resources.IngestLambdaEvConf.Properties;
      expect(config).toMatchObject({
        FunctionName: { Ref: 'IngestLambdaFunction' },
        MaximumRetryAttempts: 1,
        DestinationConfig: { OnFailure: { Destination: { 'Fn::GetAtt': ['IngestFailureQueue', 'Arn'] } } },
      });
      expect(p.template.Resources.IngestFailureQueue.Properties).toMatchObject({ MessageRetentionPeriod: 1209600, SqsManagedSseEnabled: true });
    }
    expect(dev.template.Resources.IngestFailureQueue.Properties.QueueName).toBe('tide-dev-ingest-failures');
  });

  it('every alarm is on by default on both stages, and notifies the SNS topic on ALARM and on OK', () => {
    const ids = resources(dev, 'AWS::CloudWatch::Alarm')
      .map(([id]) => id)
      .sort();
    expect(ids).toEqual(['Graphql5xxAlarm', 'GraphqlThrottlesAlarm', 'IngestErrorsAlarm', 'IngestFailureQueuedAlarm', 'IngestNotRunningAlarm', 'StaleSeriesAlarm']);
    for (const p of [dev, prod]) {
      expect(holds(p, 'AlarmsEnabled')).toBe(true);
      for (const id of [...ids, 'AlarmTopic']) expect(p.template.Resources[id].Condition, id).toBe('AlarmsEnabled');
      for (const id of ids) expect(alarm(p, id), id).toMatchObject(notifies);
    }
    expect(dev.template.Resources.AlarmTopic.Properties.TopicName).toBe('tide-dev-alarms');
    expect(dev.template.Outputs.AlarmTopicArn).toMatchObject({ Condition: 'AlarmsEnabled', Value: { Ref: 'AlarmTopic' } });
  });

  it('the e-mail subscription exists only when the stage names an address', () => {
    const sub = dev.template.Resources.AlarmEmailSubscription;
    expect(sub).toMatchObject({ Type: 'AWS::SNS::Subscription', Condition: 'AlarmEmailGiven', Properties: { TopicArn: { Ref: 'AlarmTopic' }, Protocol: 'email', Endpoint: '' } });
    expect(holds(dev, 'AlarmEmailGiven')).toBe(false);
    // Deployed with --param="alarmEmail=ops@example.com", it holds and names the address.
    expect(holds(restored, 'AlarmEmailGiven')).toBe(true);
    expect(restored.template.Resources.AlarmEmailSubscription.Properties.Endpoint).toBe('ops@example.com');
    const off = structuredClone(dev);
    off.template.Conditions.AlarmsEnabled['Fn::Equals'][0] = 'false';
    expect(holds(off, 'AlarmsEnabled')).toBe(false);
    expect(holds(off, 'AlarmEmailGiven')).toBe(false);
  });

  it('the ingest alarms: its errors, a queued failure, no run for three days, a kept series late', () => {
    expect(alarm(dev, 'IngestErrorsAlarm')).toMatchObject({
      Namespace: 'AWS/Lambda',
      MetricName: 'Errors',
      Dimensions: [{ Name: 'FunctionName', Value: { Ref: 'IngestLambdaFunction' } }],
      Threshold: 1,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
    });
    expect(alarm(dev, 'IngestFailureQueuedAlarm')).toMatchObject({
      Namespace: 'AWS/SQS',
      MetricName: 'ApproximateNumberOfMessagesVisible',
      Dimensions: [{ Name: 'QueueName', Value: { 'Fn::GetAtt': ['IngestFailureQueue', 'QueueName'] } }],
    });
    // The freshness metrics as the ingest emits them (test/ingest/scheduled-freshness.test.ts): namespace Tide, service and Stage.
    const dims = [
      { Name: 'service', Value: 'tide-ingest' },
      { Name: 'Stage', Value: 'dev' },
    ];
    expect(alarm(dev, 'IngestNotRunningAlarm')).toMatchObject({
      Namespace: 'Tide',
      MetricName: 'SeriesChecked',
      Dimensions: dims,
      Period: 86400,
      EvaluationPeriods: 3,
      DatapointsToAlarm: 3,
      ComparisonOperator: 'LessThanThreshold',
      TreatMissingData: 'breaching',
    });
    expect(alarm(dev, 'StaleSeriesAlarm')).toMatchObject({
      Namespace: 'Tide',
      MetricName: 'StaleSeries',
      Dimensions: dims,
      Statistic: 'Maximum',
      Threshold: 1,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
    });
    expect(alarm(prod, 'StaleSeriesAlarm').Dimensions[1]).toEqual({ Name: 'Stage', Value: 'prod' });
    expect(dev.template.Resources.IngestLambdaFunction.Properties.Environment.Variables.TIDE_STAGE).toBe('dev');
  });

  it("the graphql alarms: 5xx answers of both /graphql routes, and the function's throttles", () => {
    const fivexx = alarm(dev, 'Graphql5xxAlarm');
    expect(fivexx.Threshold).toBe(5);
    expect(fivexx.Metrics[0]).toMatchObject({ Id: 'total', Expression: 'post + get' });
    const routes = fivexx.Metrics.slice(1).map((m: any) => m.MetricStat.Metric);
    for (const m of routes) expect(m).toMatchObject({ Namespace: 'AWS/ApiGateway', MetricName: '5xx' });
    expect(routes.map((m: any) => m.Dimensions)).toEqual(
      ['POST /graphql', 'GET /graphql'].map((route) => [
        { Name: 'ApiId', Value: { Ref: 'HttpApi' } },
        { Name: 'Stage', Value: '$default' },
        { Name: 'Route', Value: route },
      ]),
    );
    expect(dev.template.Resources.HttpApiStage.Properties.DefaultRouteSettings.DetailedMetricsEnabled).toBe(true); // per-route metrics exist
    expect(alarm(dev, 'GraphqlThrottlesAlarm')).toMatchObject({
      Namespace: 'AWS/Lambda',
      MetricName: 'Throttles',
      Dimensions: [{ Name: 'FunctionName', Value: { Ref: 'GraphqlLambdaFunction' } }],
      Threshold: 1,
    });
  });
});

describe('the HTTP API', () => {
  it('routes only /graphql (GET, POST), the front page and the add-in, docs and IDE files (GET)', () => {
    const routes = resources(dev, 'AWS::ApiGatewayV2::Route')
      .map(([, r]) => r.Properties.RouteKey)
      .sort();
    expect(routes).toEqual(['GET /', 'GET /addin/{proxy+}', 'GET /docs/{proxy+}', 'GET /graphql', 'GET /ide/{proxy+}', 'POST /graphql']);
  });

  it('sends the front page (GET /) to the graphql function, which reads the table and so lists the stale series; the files to addin', () => {
    const functionOf = (routeKey: string) => {
      const [, route] = resources(dev, 'AWS::ApiGatewayV2::Route').find(([, r]) => r.Properties.RouteKey === routeKey)!;
      const integration = /HttpApiIntegration\w+/.exec(JSON.stringify(route.Properties.Target))![0];
      return JSON.stringify(dev.template.Resources[integration].Properties.IntegrationUri).match(/(\w+)LambdaFunction/)![1];
    };
    expect(functionOf('GET /')).toBe('Graphql');
    expect(functionOf('GET /graphql')).toBe('Graphql');
    for (const route of ['GET /addin/{proxy+}', 'GET /docs/{proxy+}', 'GET /ide/{proxy+}']) expect(functionOf(route), route).toBe('Addin');
  });

  it('throttles every route by default: burst and rate per stage', () => {
    expect(dev.template.Resources.HttpApiStage.Properties.DefaultRouteSettings).toMatchObject({ ThrottlingBurstLimit: 50, ThrottlingRateLimit: 20 });
    expect(prod.template.Resources.HttpApiStage.Properties.DefaultRouteSettings).toMatchObject({ ThrottlingBurstLimit: 200, ThrottlingRateLimit: 100 });
  });

  it('CORS admits only the listed add-in origins, the key header, GET and POST, no credentials', () => {
    const cors = (p: Packaged) => p.template.Resources.HttpApi.Properties.CorsConfiguration;
    // The deployed add-in is served by the API itself (same origin); prod lists no other origin.
    expect(cors(prod).AllowOrigins).toEqual([]);
    expect(cors(dev).AllowOrigins).toEqual(['https://localhost:3000']);
    for (const p of [dev, prod]) {
      expect(cors(p).AllowHeaders).toContain('x-api-key');
      expect(cors(p).AllowMethods.sort()).toEqual(['GET', 'POST']);
      expect(cors(p).AllowCredentials).toBeUndefined();
    }
  });

  it('keeps access logs without headers or bodies', () => {
    const format: string = dev.template.Resources.HttpApiStage.Properties.AccessLogSettings.Format;
    expect(format).toContain('$context.requestId');
    expect(format).not.toMatch(/header|body/i);
  });
});

describe('the optional CDN', () => {
  it('is off unless the cdn param says true, and then serves the API', () => {
    for (const p of [dev, prod]) {
      expect(p.template.Conditions.CdnEnabled).toEqual({ 'Fn::Equals': ['false', 'true'] });
      for (const id of ['CdnCachePolicy', 'CdnDistribution']) expect(p.template.Resources[id].Condition).toBe('CdnEnabled');
      expect(p.template.Outputs.CdnUrl.Condition).toBe('CdnEnabled');
    }
    const config = dev.template.Resources.CdnDistribution.Properties.DistributionConfig;
    expect(config.Origins[0].DomainName).toEqual({ 'Fn::Select': [2, { 'Fn::Split': ['/', { 'Fn::GetAtt': ['HttpApi', 'ApiEndpoint'] }] }] });
    expect(config.Origins[0].CustomOriginConfig.OriginProtocolPolicy).toBe('https-only');
    expect(config.DefaultCacheBehavior.CachePolicyId).toEqual({ Ref: 'CdnCachePolicy' });
    expect(config.DefaultCacheBehavior.CachedMethods.sort()).toEqual(['GET', 'HEAD']);
    expect(config.DefaultCacheBehavior.ViewerProtocolPolicy).toBe('https-only');
  });

  it('keys every cached answer by the API key as well as the URL, and keeps only what the API marks cacheable', () => {
    const policy = dev.template.Resources.CdnCachePolicy.Properties.CachePolicyConfig;
    const params = policy.ParametersInCacheKeyAndForwardedToOrigin;
    expect(params.HeadersConfig).toEqual({ HeaderBehavior: 'whitelist', Headers: ['x-api-key'] });
    expect(params.QueryStringsConfig.QueryStringBehavior).toBe('all'); // query, variables, persisted-query hash
    expect(params.CookiesConfig.CookieBehavior).toBe('none');
    // Without a Cache-Control from the API nothing is kept; with one, up to a year.
    expect(policy.DefaultTTL).toBe(0);
    expect(policy.MinTTL).toBe(0);
    expect(policy.MaxTTL).toBe(31536000);
  });
});

describe('stages and outputs', () => {
  it('turns introspection off and tightens the depth limit on prod', () => {
    const env = (p: Packaged) => p.template.Resources.GraphqlLambdaFunction.Properties.Environment.Variables;
    expect(env(prod)).toMatchObject({ TABLE_NAME: 'tide-prod', TIDE_INTROSPECTION: 'false', TIDE_MAX_DEPTH: '8', TIDE_MAX_COMPLEXITY: '6000', TIDE_MAX_POINTS: '200000' });
    expect(env(dev)).toMatchObject({ TABLE_NAME: 'tide-dev', TIDE_INTROSPECTION: 'true', TIDE_MAX_DEPTH: '15' });
  });

  it('serves the GraphQL IDE on the front page of dev, a plain page on prod', () => {
    for (const fn of ['GraphqlLambdaFunction', 'AddinLambdaFunction']) {
      expect(dev.template.Resources[fn].Properties.Environment.Variables.TIDE_IDE).toBe('true');
      expect(prod.template.Resources[fn].Properties.Environment.Variables.TIDE_IDE).toBe('false');
    }
  });

  it('outputs the GraphQL URL and the add-in manifest URL', () => {
    const endpoint = { 'Fn::GetAtt': ['HttpApi', 'ApiEndpoint'] };
    expect(prod.template.Outputs.GraphqlUrl.Value).toEqual({ 'Fn::Join': ['', [endpoint, '/graphql']] });
    expect(prod.template.Outputs.AddinManifestUrl.Value).toEqual({ 'Fn::Join': ['', [endpoint, '/addin/manifest.xml']] });
    expect(prod.template.Outputs.TableName.Value).toBe('tide-prod');
  });

  it('packages each function on its own, the AWS SDK left to the runtime', () => {
    expect(Object.keys(dev.zipBytes).sort()).toEqual(['addin', 'graphql', 'ingest']);
    expect(dev.zipBytes.graphql).toBeLessThan(5_000_000);
    expect(dev.zipBytes.addin).toBeLessThan(dev.zipBytes.graphql);
  });

  it('gives the addin function its static files and a handler with none of the API inside', async () => {
    const files = async (fn: string) => {
      const zip = await JSZip.loadAsync(readFileSync(join(dev.dir, `${fn}.zip`)));
      return Object.fromEntries(
        await Promise.all(
          Object.values(zip.files)
            .filter((f) => !f.dir)
            .map(async (f) => [f.name, (await f.async('uint8array')).length] as const),
        ),
      );
    };
    const addin = await files('addin');
    const graphql = await files('graphql');
    expect(Object.keys(addin)).toEqual(expect.arrayContaining(['addin/dist/functions.js', 'addin/dist/taskpane.html', 'docs/series.md', 'dist/ide/ide.js', 'dist/ide/ide.css']));
    expect(Object.keys(addin).filter((f) => f.startsWith('addin/dist/') && f.endsWith('.map'))).toEqual([]);
    expect(addin['api/handlers/addin.mjs']).toBeLessThan(graphql['api/handlers/graphql.mjs'] / 10);
  });
});

describe("the graphql bundle's cold start (infra/esbuild-plugins.cjs)", () => {
  let sources: Record<string, string>;
  beforeAll(async () => {
    const zip = await JSZip.loadAsync(readFileSync(join(prod.dir, 'graphql.zip')));
    sources = Object.fromEntries(
      await Promise.all(
        Object.keys(zip.files)
          .filter((f) => f.endsWith('.mjs'))
          .map(async (f) => [f, await zip.file(f)!.async('string')] as const),
      ),
    );
  });

  /** The sources of `entry` and of every chunk it imports statically: what a cold start reads. */
  const loadedAtStart = (entry: string, seen = new Set<string>()): string[] => {
    if (seen.has(entry)) return [];
    seen.add(entry);
    const source = sources[entry];
    const imported = [...source.matchAll(/(?:\bfrom|\bimport)\s*"(\.{1,2}\/[^"]+\.mjs)"/g)].map((m) => posix.join(posix.dirname(entry), m[1]));
    return [source, ...imported.flatMap((f) => loadedAtStart(f, seen))];
  };

  it('imports no Node built-in as an ES module (only the banner takes createRequire from "module"); require() loads them', () => {
    const builtin = new RegExp(`(?:\\bfrom\\s*|\\bimport\\s*\\(?\\s*)["'](?:node:)?(?:${builtinModules.map((m) => m.replace(/[/]/g, '\\/')).join('|')})["']`, 'g');
    for (const [file, source] of Object.entries(sources)) {
      const imports = [...source.matchAll(builtin)].map((m) => m[0]);
      expect(imports, file).toEqual(["from 'module'"]);
    }
    // esbuild renames require() when it minifies: a call of any name with the module's name is the require.
    expect(/\w\("node:crypto"\)/.test(Object.values(sources).join('\n'))).toBe(true);
  });

  it("leaves out the usage-reporting code and Apollo's default cache", () => {
    const all = Object.values(sources).join('\n');
    expect(all.includes('conflict because')).toBe(true); // graphql's validation is there
    expect(all.includes('@apollo/utils.usagereporting is not bundled')).toBe(true);
    // Apollo's default cache (lru-cache) is not in what a cold start loads: Apollo is given its cache and
    // document store. (Apollo's cache-control plugin, which Tide disables, keeps its own in a chunk only import() reaches.)
    const atStart = loadedAtStart('api/handlers/graphql.mjs').join('\n');
    expect(atStart.includes('lru-cache:metrics')).toBe(false);
    expect(atStart.includes('InMemoryLRUCache is not bundled')).toBe(true);
  });

  it("reaches DynamoDB through the AWS SDK's client, and a cold start loads no more JavaScript than its budget", () => {
    const atStart = loadedAtStart('api/handlers/graphql.mjs');
    const text = atStart.join('\n');
    expect(text.includes('DynamoDB_20120810')).toBe(true); // the SDK's DynamoDB protocol target
    expect(text.includes('DynamoDBClient')).toBe(true);
    // The budget: what the graphql function reads and compiles before its first answer, in bytes
    // (630,234 when the SDK's client replaced a hand-written one). A dependency that grows it, or a
    // plugin that stops removing what it removes, fails here rather than in a cold-start figure.
    const bytes = atStart.reduce((sum, source) => sum + Buffer.byteLength(source), 0);
    expect(bytes).toBeLessThan(700_000);
    expect(bytes).toBeGreaterThan(300_000); // the measure still sees the bundle
  });

  it('requires node:fs/promises only when one of its exports is first read (the handlers never read ~/.aws)', () => {
    const all = Object.values(sources).join('\n');
    expect(all).toMatch(/=>\s*\w+\s*\?\?=\s*\w+\("node:fs\/promises"\)/);
    expect(all).not.toMatch(/\.exports\s*=\s*\w+\("node:fs\/promises"\)/);
  });
});

describe('the add-in package', () => {
  it('ships the built add-in with a manifest naming no machine; no localhost URL in any file', async () => {
    for (const p of [dev, prod]) {
      const zip = await JSZip.loadAsync(readFileSync(join(p.dir, 'addin.zip')));
      const files = Object.keys(zip.files).filter((f) => !zip.files[f].dir);
      for (const needed of ['manifest.xml', 'functions.js', 'functions.json', 'taskpane.html', 'taskpane.js']) expect(files).toContain(`addin/dist/${needed}`);
      expect(await zip.file('addin/dist/manifest.xml')!.async('string')).toContain('DefaultValue="{{TIDE_ORIGIN}}/addin/taskpane.html"');
      for (const f of files.filter((name) => /\.(xml|json|js|mjs|html|css)$/.test(name))) {
        expect(await zip.file(f)!.async('string'), f).not.toMatch(/https?:\/\/(localhost|127\.0\.0\.1)/);
      }
    }
  });
});
