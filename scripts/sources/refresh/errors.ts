/**
 * Why a refresh stopped. Every message is one sentence a person can act on; the orchestrator
 * adds the source id and "Nothing was changed." — nothing is written before every check passed.
 */
export class RefreshError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'RefreshError';
	}
}

/** The origin could not be reached at all (no network, a wrong host, a closed port). */
export class OfflineError extends RefreshError {
	constructor(
		readonly host: string,
		readonly code: string
	) {
		super(`cannot reach ${host} (${code}): no network?`);
		this.name = 'OfflineError';
	}
}

/**
 * A well-formed answer that looks wrong (none of the expected elements, far fewer items than
 * before). Unlike a broken answer, `--force` accepts it: an area can really lose its data.
 */
export class SuspectAnswerError extends RefreshError {
	constructor(message: string) {
		super(`${message}; run again with --force to write it anyway.`);
		this.name = 'SuspectAnswerError';
	}
}
