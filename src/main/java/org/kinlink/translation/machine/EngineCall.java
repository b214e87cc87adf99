package org.kinlink.translation.machine;

import java.time.Duration;

/** What a client needs for one request: where, which model, the key in clear (or null), the pair and the time limit. */
record EngineCall(String baseUrl, String model, String apiKey, LanguagePair pair, Duration timeout) {

	@Override
	public String toString() {
		return "EngineCall[" + pair.code() + "]"; // never the key
	}

}
