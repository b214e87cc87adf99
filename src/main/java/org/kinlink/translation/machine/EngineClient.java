package org.kinlink.translation.machine;

import java.util.List;

/**
 * One protocol of the machine-translation port. It translates a batch of segments and answers one text per
 * segment in the same order (null where the engine gave nothing usable), or fails as a whole.
 */
interface EngineClient {

	EngineKind kind();

	/** The largest batch the protocol takes in one request. */
	int batchSize();

	List<String> translate(EngineCall call, List<String> texts) throws EngineFailure, InterruptedException;

}
