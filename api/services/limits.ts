// Bounds on what one request may cost; the deployment can lower them through the environment.

export const MAX_RESPONSE_POINTS = Number(process.env.TIDE_MAX_POINTS ?? 200_000);
