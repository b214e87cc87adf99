package org.kinlink.translation.machine;

/** The protocols Kinlink speaks with an engine: LibreTranslate's HTTP API or OpenAI-compatible chat completions. */
enum EngineKind {

	LIBRETRANSLATE, CHAT_COMPLETIONS

}
