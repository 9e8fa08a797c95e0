/** People who sign in to a team server: the feature's public surface. */
export { createPeopleService, LINK_LIFETIMES, SignInRefused, type PeopleOptions, type PeopleService, type RequestMeta, type Started } from './peopleService';
export { DEFAULT_SCRYPT_COST, hashPassword, needsRehash, verifyPassword, type ScryptCost } from './passwordHashing';
export { DEFAULT_SESSION_RULES, type LiveSession, type SessionEndReason, type SessionRules } from './signInSessions';
export { DEFAULT_SIGN_IN_LIMITS, type SignInLimitRules } from './signInLimits';
