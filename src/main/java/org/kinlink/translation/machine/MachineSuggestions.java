package org.kinlink.translation.machine;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.kinlink.audit.AuditEvent;
import org.kinlink.audit.AuditTrail;
import org.kinlink.shared.text.HostileCharacters;
import org.kinlink.shared.text.PersianText;
import org.kinlink.shared.web.RecordNotFoundException;
import org.kinlink.translation.tasks.Staff;
import org.kinlink.translation.tasks.TaskPage;
import org.kinlink.translation.tasks.TaskSegment;
import org.kinlink.translation.tasks.TranslationDesk;
import org.kinlink.translation.tasks.TranslationTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Asks the engine of a task's language pair for suggestions, on its translator's request. The only way text
 * reaches an engine: the task is opened through {@link TranslationDesk#open} (its translator only, audited) and
 * must be in progress; {@link SegmentGuard} withholds sentences holding contact details; the segments go in
 * batches, each request with the engine's time-out, all of them within a total time. A failure ends the
 * request with the answers received so far (logged without any text, never an error page). The answers are
 * stored sealed; no transaction is held open while the engine works.
 */
@Service
class MachineSuggestions {

	private static final Logger log = LoggerFactory.getLogger(MachineSuggestions.class);

	/** The longest suggestion kept, as for a translator's segment. */
	static final int MAX_LENGTH = 5_000;

	private final TranslationDesk desk;

	private final EngineSettings settings;

	private final SuggestionStore store;

	private final AuditTrail audit;

	private final Clock clock;

	private final Map<EngineKind, EngineClient> clients;

	private final Duration totalTime;

	MachineSuggestions(TranslationDesk desk, EngineSettings settings, SuggestionStore store, AuditTrail audit, Clock clock,
			List<EngineClient> clients, @Value("${kinlink.translation.machine.total-time:PT90S}") Duration totalTime) {
		this.desk = desk;
		this.settings = settings;
		this.store = store;
		this.audit = audit;
		this.clock = clock;
		this.clients = clients.stream().collect(Collectors.toMap(EngineClient::kind, Function.identity()));
		this.totalTime = totalTime;
	}

	/** What came of a request: segments sent, answered, withheld, and whether the engine failed on the way. */
	record Outcome(int sent, int answered, int withheld, boolean failed) {
	}

	/** "Not found" unless the reader translates this task, it is in progress and its pair has an enabled engine. */
	Outcome ask(UUID taskId, Staff staff) {
		TaskPage page = desk.open(taskId, staff);
		TranslationTask task = page.task();
		EngineSettings.Engine engine = settings.usable(task.sourceLanguage(), task.targetLanguage())
			.filter(e -> page.mode() == TaskPage.Mode.EDIT)
			.orElseThrow(() -> {
				audit.record(AuditEvent.denied("translation.machine.ask", "translation_task", taskId));
				return new RecordNotFoundException();
			});
		List<String> sources = page.segments().stream().map(TaskSegment::source).toList();
		List<Integer> sendable = SegmentGuard.sendable(sources);
		int withheld = (int) sources.stream().filter(s -> SegmentGuard.withheld(s) == SegmentGuard.Reason.CONTACT_DETAILS).count();
		Map<Integer, String> answers = new LinkedHashMap<>();
		boolean failed = send(engine, sources, sendable, answers);
		store.replace(taskId, engine.name(), clock.instant(), sendable.size(), withheld, answers);
		audit.record(AuditEvent.success("translation.machine.ask", "translation_task", taskId)
			.withDetail("host=" + engine.host() + " sent=" + sendable.size() + " answered=" + answers.size()
					+ " withheld=" + withheld + (failed ? " failed" : "")));
		return new Outcome(sendable.size(), answers.size(), withheld, failed);
	}

	/** Sends the batches until done, a failure or the end of the total time; answers by segment number. */
	private boolean send(EngineSettings.Engine engine, List<String> sources, List<Integer> sendable,
			Map<Integer, String> answers) {
		EngineClient client = clients.get(engine.kind());
		String apiKey = settings.apiKey(engine.pair()).orElse(null);
		long deadline = System.nanoTime() + totalTime.toNanos();
		for (int from = 0; from < sendable.size(); from += client.batchSize()) {
			List<Integer> batch = sendable.subList(from, Math.min(sendable.size(), from + client.batchSize()));
			long left = deadline - System.nanoTime();
			if (left <= 0) {
				log.warn("Machine translation for {} stopped: total time spent", engine.pair().code());
				return true;
			}
			Duration timeout = engine.timeout().compareTo(Duration.ofNanos(left)) < 0 ? engine.timeout() : Duration.ofNanos(left);
			EngineCall call = new EngineCall(engine.baseUrl(), engine.model(), apiKey, engine.pair(), timeout);
			try {
				List<String> texts = client.translate(call, batch.stream().map(sources::get).toList());
				for (int i = 0; i < batch.size(); i++) {
					String clean = clean(texts.get(i));
					if (clean != null) {
						answers.put(batch.get(i) + 1, clean);
					}
				}
			}
			catch (EngineFailure failure) {
				log.warn("Machine translation for {} gave no answer: {}", engine.pair().code(), failure.getMessage());
				return true;
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return true;
			}
		}
		return false;
	}

	/** The answer as a translator could type it, or null: blank, too long or with hidden characters. */
	static String clean(String answer) {
		String text = answer == null ? null : PersianText.normalize(answer);
		if (text == null || text.isBlank()) {
			return null;
		}
		text = text.strip();
		if (text.codePointCount(0, text.length()) > MAX_LENGTH || HostileCharacters.firstIn(text, true).isPresent()) {
			return null;
		}
		return text;
	}

}
