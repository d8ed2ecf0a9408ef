import { Logger } from '@aws-lambda-powertools/logger';

// Structured JSON logs; request bodies and headers are never logged, so keys cannot leak into them.
export const logger = new Logger({ serviceName: 'tide', logLevel: (process.env.LOG_LEVEL as 'INFO' | undefined) ?? 'INFO' });
