package org.kinlink.translation.tasks;

import static org.awaitility.Awaitility.await;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.kinlink.messages.FamilyMessages;
import org.kinlink.messages.LetterSubmission;
import org.kinlink.messages.MessageStatus;
import org.kinlink.people.People;
import org.kinlink.people.PersonDetails;

import org.springframework.context.ApplicationContext;

/**
 * Puts translation tasks into a wanted state for web and integration tests, through the same services the
 * pages use. Built from the application context so tests in other packages need no package-private types.
 */
public final class TaskFixtures {

	private final ApplicationContext context;

	private final TaskRepository tasks;

	private final TranslationDesk desk;

	private TaskFixtures(ApplicationContext context) {
		this.context = context;
		this.tasks = context.getBean(TaskRepository.class);
		this.desk = context.getBean(TranslationDesk.class);
	}

	public static TaskFixtures from(ApplicationContext context) {
		return new TaskFixtures(context);
	}

	/**
	 * A letter received through the messages API, its addressee linked to a new person and accepted by intake;
	 * returns once the MessageAccepted listener opened the translation tasks and the message is in translation.
	 */
	public UUID acceptedLetter(String text) {
		UUID messageId = acceptLetter(text);
		FamilyMessages messages = context.getBean(FamilyMessages.class);
		await().atMost(Duration.ofSeconds(20)).until(() -> tasks.find(messageId, TranslationTask.ALBANIAN).isPresent()
				&& tasks.find(messageId, TranslationTask.ENGLISH).isPresent()
				&& messages.summary(messageId).status() == MessageStatus.IN_TRANSLATION);
		return messageId;
	}

	/** A letter received and accepted by intake; returns at once (the listener runs after the commit). */
	public UUID acceptLetter(String text) {
		FamilyMessages messages = context.getBean(FamilyMessages.class);
		UUID messageId = messages.receive(new LetterSubmission("مریم احمدی", "Maryam Ahmadi", "مادر", "علی احمدی",
				"Ali Ahmadi", "حسن", 1990, null, text, "fa"));
		UUID personId = context.getBean(People.class)
			.create(new PersonDetails("علی احمدی", "Ali Ahmadi", "حسن", 1990, null));
		triage("linkPerson", messageId, personId);
		triage("accept", messageId);
		return messageId;
	}

	/**
	 * Intake's triage lives inside the messages module and has no page yet; tests reach it by name so that
	 * no production code depends on another module's internals.
	 */
	private void triage(String step, Object... args) {
		try {
			Class<?> type = Class.forName("org.kinlink.messages.letters.Triage");
			Class<?>[] parameters = new Class<?>[args.length];
			java.util.Arrays.fill(parameters, UUID.class);
			Method method = type.getDeclaredMethod(step, parameters);
			method.setAccessible(true);
			method.invoke(context.getBean(type), args);
		}
		catch (InvocationTargetException ex) {
			throw ex.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(ex);
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException("intake triage is not reachable", ex);
		}
	}

	public TranslationTask task(UUID messageId, String target) {
		return tasks.find(messageId, target).orElseThrow();
	}

	public TranslationTask task(UUID taskId) {
		return tasks.find(taskId).orElseThrow();
	}

	public TranslationTask taken(UUID messageId, String target, String translator) {
		TranslationTask task = task(messageId, target);
		desk.take(task.id(), translator(translator));
		return task(task.id());
	}

	public TranslationTask translated(UUID messageId, String target, String translator, List<String> targets) {
		TranslationTask task = taken(messageId, target, translator);
		Submission submission = desk.submit(task.id(), translator(translator), targets, false, true);
		if (!submission.submitted()) {
			throw new IllegalStateException("fixture translation was not accepted: " + submission.findings());
		}
		return task(task.id());
	}

	public TranslationTask reviewed(UUID messageId, String target, String translator, String reviewer,
			List<String> targets) {
		TranslationTask task = translated(messageId, target, translator, targets);
		desk.markReviewed(task.id(), reviewer(reviewer));
		return task(task.id());
	}

	public static Staff translator(String name) {
		return new Staff(name, true, false);
	}

	public static Staff reviewer(String name) {
		return new Staff(name, false, true);
	}

}
