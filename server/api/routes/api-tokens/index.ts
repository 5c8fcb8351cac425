import issueApiToken from './issue-api-token';
import listApiTokens from './list-api-tokens';
import revokeApiToken from './revoke-api-token';

export default [listApiTokens, issueApiToken, revokeApiToken];
