/** The two clients every measurement compares, always in this order in tables. */
export const contenders = ["ours", "official"] as const;
export type Contender = (typeof contenders)[number];

/** The package each contender's client is imported from, by name, through its exports map. */
export const clientPackage: Record<Contender, string> = {
  ours: "cognito-identity-client",
  official: "@aws-sdk/client-cognito-identity",
};

/** Where each contender's identity-pool credentials provider (`fromCognitoIdentityPool`) lives. */
export const credentialsPackage: Record<Contender, string> = {
  ours: "cognito-identity-client/credentials",
  official: "@aws-sdk/credential-provider-cognito-identity",
};
