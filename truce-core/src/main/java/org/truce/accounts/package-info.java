/**
 * People who sign in to the center: {@link org.truce.accounts.Account}s with a role and, as the role demands, a
 * contingent or a party of the agreement; their password hashes and API tokens, kept behind the
 * {@link org.truce.accounts.AccountRepository} and {@link org.truce.accounts.ApiTokenRepository} ports; and
 * {@link org.truce.accounts.Accounts}, the service that adds, disables, signs in and issues tokens. Pure: hashing
 * is the {@link org.truce.accounts.PasswordHasher} port, time an injected {@link java.time.InstantSource},
 * randomness an injected generator; contingents and parties are data.
 */
package org.truce.accounts;
