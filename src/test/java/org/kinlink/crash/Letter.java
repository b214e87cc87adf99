package org.kinlink.crash;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** One letter the harness sends, and what the server said about it in the end. */
final class Letter {

	/** How the letter goes in. */
	enum Way {
		API_TEXT, API_TUS_FILES, FORM_TEXT, FORM_FILE
	}

	/** Where the letter stands for the harness. */
	enum Outcome {
		/** Still being sent (the run ended first). */
		OPEN,
		/** 2xx with a receipt: the server acknowledged it. */
		ACKNOWLEDGED,
		/** Stored before a crash ate the answer: a retry with the same key was told "already received". */
		STORED_UNACKNOWLEDGED,
		/** Refused (a confirmed upload was not accepted): a finding. */
		REFUSED
	}

	final int number;

	final Way way;

	final UUID key = UUID.randomUUID();

	/** The sizes of its files; unique over the run, so a stored file names its letter. */
	final List<Long> fileSizes = new ArrayList<>();

	/** Uploads the server confirmed whole (tus offset equal to the length). */
	final List<UUID> confirmedUploads = new ArrayList<>();

	volatile Outcome outcome = Outcome.OPEN;

	volatile String receipt;

	volatile String refusal;

	Letter(int number, Way way) {
		this.number = number;
		this.way = way;
	}

	boolean stored() {
		return outcome == Outcome.ACKNOWLEDGED || outcome == Outcome.STORED_UNACKNOWLEDGED;
	}

}
