/**
 * `@coso/domain/testing`: what a partner's tests need to build states by hand. `StateBuilder`
 * makes small states with readable ids; the Long Biên history (real ward names and codes, two
 * made-up residential groups per ward) is a ready-made state to try the hierarchy and the
 * reorganisations on. Check a hand-built state with `checkStateIntegrity` before reporting on it.
 * Not part of the production surface: sample ids and helpers here may change in a minor release.
 */
export * from './long-bien-history.js';
export * from './state-builder.js';
