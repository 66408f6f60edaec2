import { graphql } from '../gql';

// The signed-in user as the shell shows it; fetched at sign-in and on reload.
graphql(`
  fragment SessionUser on Me {
    username
    displayName
    role
    scopeUnit {
      id
      name
      kindLabel
      validFrom
      validTo
    }
    permissions {
      admin
      canWrite
      downloadsTemplates
      seesPartyData
      seesPersonalData
      territorial
    }
  }
`);

// Only the token: the login request itself carries no session yet, so the server refuses
// territory fields (`me.scopeUnit`) in its answer. The user is then read with `Me`.
export const LoginDocument = graphql(`
  mutation Login($username: String!, $password: String!) {
    login(username: $username, password: $password) {
      __typename
      ... on LoginSuccess {
        token
      }
      ... on LoginError {
        code
        messageVi
        messageEn
      }
    }
  }
`);

export const MeDocument = graphql(`
  query Me {
    me {
      ...SessionUser
    }
  }
`);

export const LogoutDocument = graphql(`
  mutation Logout {
    logout
  }
`);
