export interface GraphQLContext { requestId: string }
