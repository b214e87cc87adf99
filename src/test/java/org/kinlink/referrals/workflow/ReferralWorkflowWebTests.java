package org.kinlink.referrals.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.kinlink.referrals.ReferralDispatched;
import org.kinlink.referrals.ReferralsTestSupport;
import org.kinlink.referrals.UpstreamFakes;
import org.kinlink.referrals.directory.Authority;
import org.kinlink.referrals.directory.AuthorityDirectory;
import org.kinlink.referrals.packet.Digests;
import org.kinlink.shared.web.IllegalTransitionException;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The referral workflow through HTTP on real PostgreSQL with a real SMTP server (GreenMail): drafts, the
 * second-person rule (S14), dispatch exactly once (S19), a mail server that is down, hand delivery,
 * acknowledgement, overdue, the packet download, and the bad version of every input.
 */
class ReferralWorkflowWebTests extends ReferralsTestSupport {

	@RegisterExtension
	static GreenMailExtension mail = new GreenMailExtension(org.kinlink.testsupport.TestSmtp.setup())
		.withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());

	@Autowired
	ReferralService service;

	@Autowired
	AuthorityDirectory directory;

	@Autowired
	PendingMailRetry retry;

	// ---------------------------------------------------------------- drafts

	@Test
	void createsADraftWithAReferenceNumber() throws Exception {
		UUID authority = authority("POLICE", "sq");
		UUID message = message();
		UUID id = create("lina", authority, message);
		Referral referral = service.get(id);
		assertThat(referral.state()).isEqualTo(ReferralState.DRAFT);
		assertThat(referral.reference()).matches("KL-REF-20\\d\\d-\\d{4}");
		assertThat(referral.messageIds()).containsExactly(message);
		assertThat(referral.createdBy()).isEqualTo("lina");
		assertThat(auditOf("referral", id)).extracting(r -> r.get("actor"), r -> r.get("action"), r -> r.get("outcome"))
			.containsExactly(tuple("lina", "referral.create", "SUCCESS"));
		mvc.perform(get("/staff/referrals").with(user("lina").roles("LIAISON")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(referral.reference())));
		mvc.perform(get("/staff/referrals/new").with(user("lina").roles("LIAISON")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(messages.summary(message).reference())));
	}

	@Test
	void givesEveryReferralItsOwnReference() throws Exception {
		UUID authority = authority("MINISTRY", "en");
		Referral first = service.get(create("lina", authority, message()));
		Referral second = service.get(create("lina", authority, message()));
		assertThat(first.reference()).isNotEqualTo(second.reference());
		int a = Integer.parseInt(first.reference().substring(first.reference().lastIndexOf('-') + 1));
		int b = Integer.parseInt(second.reference().substring(second.reference().lastIndexOf('-') + 1));
		assertThat(b).isEqualTo(a + 1);
	}

	@Test
	void refusesBadReferralForms() throws Exception {
		UUID authority = authority("POLICE", "sq");
		UUID message = message();
		UUID englishOnly = messages.add(UpstreamFakes.PERSIAN);
		translations.approve(englishOnly, "en", UpstreamFakes.ENGLISH);
		UUID untranslated = messages.add(UpstreamFakes.PERSIAN);
		UUID inactive = authority("EMBASSY", "en");
		mvc.perform(post("/staff/authorities/{id}/deactivate", inactive).with(csrf()).with(user("lina").roles("LIAISON")));

		expectFormError("authorityId", null, message.toString());
		expectFormError("authorityId", UUID.randomUUID().toString(), message.toString());
		expectFormError("authorityId", inactive.toString(), message.toString());
		expectFormError("authorityId", "not-a-uuid", message.toString());
		expectFormError("messageIds", authority.toString());
		expectFormError("messageIds", authority.toString(), untranslated.toString());
		expectFormError("messageIds", authority.toString(), UUID.randomUUID().toString());
		expectFormError("messageIds", authority.toString(), "not-a-uuid");
		// An Albanian-speaking authority needs the Albanian translation; English alone is not enough.
		expectFormError("messageIds", authority.toString(), englishOnly.toString());
		assertThat(service.list(null)).noneMatch(r -> r.messageIds().contains(englishOnly) || r.messageIds().contains(untranslated));
	}

	@Test
	void sendsEnglishSpeakingAuthoritiesTheAlbanianTranslationWhenNoEnglishIsApproved() throws Exception {
		UUID authority = authority("INTERNATIONAL_BODY", "en");
		UUID albanianOnly = messages.add(UpstreamFakes.PERSIAN);
		translations.approve(albanianOnly, "sq", UpstreamFakes.ALBANIAN);
		UUID id = create("lina", authority, albanianOnly);
		assertThat(service.get(id).state()).isEqualTo(ReferralState.DRAFT);
	}

	// ---------------------------------------------------------------- approval (S14)

	@Test
	void creatorCannotApproveOwnPoliceReferralAndTheAuditShowsBothPeople() throws Exception {
		UUID id = create("lina", authority("POLICE", "sq"), message());
		mvc.perform(get("/staff/referrals/{id}", id).with(user("lina").roles("LIAISON", "REVIEWER")))
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString(id + "/approve"))))
			.andExpect(content().string(containsString("someone other than you must approve it")));
		mvc.perform(get("/staff/referrals/{id}", id).with(user("rita").roles("REVIEWER")))
			.andExpect(content().string(containsString(id + "/approve")));
		mvc.perform(post("/staff/referrals/{id}/approve", id).with(csrf()).with(user("lina").roles("LIAISON", "REVIEWER")))
			.andExpect(status().isForbidden())
			.andExpect(content().string(containsString("someone other than its creator")));
		assertThat(service.get(id).state()).isEqualTo(ReferralState.DRAFT);

		approve("rita", id);
		Referral approved = service.get(id);
		assertThat(approved.state()).isEqualTo(ReferralState.APPROVED);
		assertThat(approved.approvedBy()).isEqualTo("rita");
		assertThat(approved.packetSha256()).hasSize(64);
		assertThat(auditOf("referral", id)).extracting(r -> r.get("actor"), r -> r.get("action"), r -> r.get("outcome"))
			.containsExactly(tuple("lina", "referral.create", "SUCCESS"), tuple("lina", "referral.approve", "DENIED"),
					tuple("rita", "referral.approve", "SUCCESS"));
		assertThat(auditOf("referral", id).get(2).get("detail")).isEqualTo("creator=lina");
	}

	@Test
	void creatorCannotApproveOwnUnReferralEither() throws Exception {
		UUID id = create("lina", authority("UN_BODY", "en"), message());
		mvc.perform(post("/staff/referrals/{id}/approve", id).with(csrf()).with(user("lina").roles("LIAISON")))
			.andExpect(status().isForbidden());
		assertThat(service.get(id).state()).isEqualTo(ReferralState.DRAFT);
	}

	@Test
	void creatorMayApproveOwnMinistryReferral() throws Exception {
		UUID id = create("lina", authority("MINISTRY", "sq"), message());
		approve("lina", id);
		assertThat(service.get(id).state()).isEqualTo(ReferralState.APPROVED);
		mvc.perform(post("/staff/referrals/{id}/approve", id).with(csrf()).with(user("lina").roles("LIAISON")))
			.andExpect(status().isConflict());
	}

	@Test
	void reviewerMayApproveButNotCreateOrDispatch() throws Exception {
		UUID authority = authority("POLICE", "sq");
		mvc.perform(post("/staff/referrals").with(csrf()).with(user("rita").roles("REVIEWER"))
			.param("authorityId", authority.toString()).param("messageIds", message().toString()))
			.andExpect(status().isForbidden());
		UUID id = create("lina", authority, message());
		mvc.perform(get("/staff/referrals/{id}", id).with(user("rita").roles("REVIEWER"))).andExpect(status().isOk());
		approve("rita", id);
		mvc.perform(post("/staff/referrals/{id}/dispatch", id).with(csrf()).with(user("rita").roles("REVIEWER")))
			.andExpect(status().isForbidden());
		mvc.perform(get("/staff/referrals").with(user("tina").roles("TRANSLATOR"))).andExpect(status().isForbidden());
	}

	// ---------------------------------------------------------------- dispatch (S19)

	@Test
	void refusesToDispatchADraft() throws Exception {
		UUID id = create("lina", authority("MINISTRY", "sq"), message());
		mvc.perform(post("/staff/referrals/{id}/dispatch", id).with(csrf()).with(user("lina").roles("LIAISON")))
			.andExpect(status().isConflict());
		mvc.perform(post("/staff/referrals/{id}/hand-delivery", id).with(csrf()).with(user("lina").roles("LIAISON"))
			.param("deliveredOn", service.today().toString()).param("note", "Handed to the duty officer"))
			.andExpect(status().isConflict());
		assertThat(service.get(id).state()).isEqualTo(ReferralState.DRAFT);
		assertThat(mail.getReceivedMessages()).isEmpty();
	}

	@Test
	void dispatchesByEmailExactlyOnceWithThePacketAttached() throws Exception {
		UUID message = message();
		UUID id = approvedReferral("POLICE", "sq", message);
		Referral approved = service.get(id);

		mvc.perform(post("/staff/referrals/{id}/dispatch", id).with(csrf()).with(user("lina").roles("LIAISON")))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("notice", "referrals.dispatch.sent"));
		Referral dispatched = service.get(id);
		assertThat(dispatched.state()).isEqualTo(ReferralState.DISPATCHED);
		assertThat(dispatched.channel()).isEqualTo(DispatchChannel.EMAIL);
		assertThat(Duration.between(dispatched.dispatchedAt(), dispatched.dueAt())).isEqualTo(Duration.ofDays(30));
		assertThat(messages.progressOf(message)).containsExactly("referred");

		awaitMailSent(id);
		MimeMessage[] received = mail.getReceivedMessages();
		assertThat(received).hasSize(1);
		MimeMessage sent = received[0];
		assertThat(sent.getAllRecipients()[0].toString()).endsWith("@policia.test");
		assertThat(sent.getFrom()[0].toString()).isEqualTo("liaison@kinlink.test");
		assertThat(sent.getSubject()).isEqualTo("Referimi " + approved.reference() + ": mesazhe nga familjet");
		assertThat(sent.getMessageID()).isEqualTo("<" + id + "@referrals.kinlink>");
		List<Part> parts = parts(sent);
		Part pdf = parts.stream().filter(p -> (approved.reference() + ".pdf").equals(fileName(p))).findFirst().orElseThrow();
		assertThat(pdf.isMimeType("application/pdf")).isTrue();
		byte[] attached = pdf.getInputStream().readAllBytes();
		assertThat(Digests.sha256(attached)).isEqualTo(approved.packetSha256());
		String body = parts.stream().filter(p -> fileName(p) == null).map(ReferralWorkflowWebTests::text).findFirst().orElseThrow();
		assertThat(body).contains(approved.reference()).contains(approved.packetSha256()).contains("brenda 30 ditëve");

		org.springframework.test.web.servlet.MvcResult again = mvc
			.perform(post("/staff/referrals/{id}/dispatch", id).with(csrf()).with(user("lina").roles("LIAISON")))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("problem", "referrals.dispatch.already"))
			.andReturn();
		// the flash attribute travels in the (database) session, as a browser carries it
		mvc.perform(get("/staff/referrals/{id}", id).with(user("lina").roles("LIAISON"))
			.with(org.kinlink.accounts.StaffSession.from(again).orElseThrow()))
			.andExpect(content().string(containsString("has already been dispatched")));
		assertThat(mail.getReceivedMessages()).hasSize(1);
		assertThat(dispatchRows(id)).isEqualTo(1);
		assertThat(messages.progressOf(message)).containsExactly("referred");
	}

	@Test
	void twoSimultaneousDispatchesSendOneMail() throws Exception {
		UUID id = approvedReferral("MINISTRY", "en", message());
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			List<Future<String>> outcomes = new ArrayList<>();
			for (String who : List.of("lina", "luan")) {
				Callable<String> dispatch = () -> {
					start.await();
					try {
						service.dispatchByEmail(id, who);
						return "sent";
					}
					catch (IllegalTransitionException | org.springframework.dao.DuplicateKeyException ex) {
						return "already";
					}
				};
				outcomes.add(pool.submit(dispatch));
			}
			start.countDown();
			List<String> results = new ArrayList<>();
			for (Future<String> outcome : outcomes) {
				results.add(outcome.get());
			}
			assertThat(results).containsExactlyInAnyOrder("sent", "already");
		}
		finally {
			pool.shutdownNow();
		}
		awaitMailSent(id);
		assertThat(mail.getReceivedMessages()).hasSize(1);
		assertThat(dispatchRows(id)).isEqualTo(1);
	}

	/**
	 * Changed with the mail moved after the commit (S19): a mail server that is down no longer rolls the dispatch
	 * back to APPROVED. The referral is DISPATCHED at once, its e-mail shows as pending and is retried, and once
	 * the server is back exactly one mail leaves.
	 */
	@Test
	void aMailServerThatIsDownLeavesTheMailPendingAndOneMailLeavesWhenItIsBack() throws Exception {
		UUID message = message();
		UUID id = approvedReferral("MINISTRY", "fa", message);
		mail.stop();
		dispatch(id, false);
		Referral referral = service.get(id);
		assertThat(referral.state()).isEqualTo(ReferralState.DISPATCHED);
		assertThat(dispatchRows(id)).isEqualTo(1);
		assertThat(messages.progressOf(message)).containsExactly("referred");
		await().atMost(Duration.ofSeconds(30)).until(() -> auditOf("referral", id).stream()
			.anyMatch(r -> "referral.mail".equals(r.get("action")) && "FAILURE".equals(r.get("outcome"))));
		assertThat(service.get(id).mailPending()).isTrue();
		mvc.perform(get("/staff/referrals/{id}", id).with(user("lina").roles("LIAISON")).param("lang", "fa"))
			.andExpect(content().string(containsString("در انتظار فرستادن")));
		mvc.perform(get("/staff/referrals/{id}", id).with(user("lina").roles("LIAISON")).param("lang", "en"))
			.andExpect(content().string(containsString("Sending pending")));

		mail.start();
		retry.retryOlderThan(Duration.ZERO);
		awaitMailSent(id);
		await().atMost(Duration.ofSeconds(30)).until(() -> incompleteDispatchPublications(id) == 0);
		retry.retryOlderThan(Duration.ZERO);
		service.sendPendingMail(id);
		assertThat(mail.getReceivedMessages()).hasSize(1);
		assertThat(mail.getReceivedMessages()[0].getSubject()).startsWith("ارجاع ");
		assertThat(mail.getReceivedMessages()[0].getMessageID()).isEqualTo("<" + id + "@referrals.kinlink>");
		assertThat(auditOf("referral", id)).extracting(r -> r.get("actor"), r -> r.get("action"), r -> r.get("outcome"))
			.containsSubsequence(tuple("lina", "referral.dispatch", "SUCCESS"), tuple("system", "referral.mail", "FAILURE"),
					tuple("system", "referral.mail", "SUCCESS"))
			.containsOnlyOnce(tuple("system", "referral.mail", "SUCCESS"));
		mvc.perform(get("/staff/referrals/{id}", id).with(user("lina").roles("LIAISON")).param("lang", "en"))
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString("Sending pending"))));
	}

	@Test
	void recordsADeliveryByHandWithASealedNote() throws Exception {
		UUID message = message();
		UUID id = approvedReferral("EMBASSY", "en", message);
		LocalDate today = service.today();
		String note = "Handed to the consul, Ms Hoxha, at the front desk";
		handDelivery(id, "", note).andExpect(model().attributeHasFieldErrors("handForm", "deliveredOn"));
		handDelivery(id, "02/03/2026", note).andExpect(model().attributeHasFieldErrors("handForm", "deliveredOn"));
		handDelivery(id, today.plusDays(1).toString(), note).andExpect(model().attributeHasFieldErrors("handForm", "deliveredOn"));
		handDelivery(id, today.minusDays(3).toString(), note).andExpect(model().attributeHasFieldErrors("handForm", "deliveredOn"));
		handDelivery(id, today.toString(), "").andExpect(model().attributeHasFieldErrors("handForm", "note"));
		handDelivery(id, today.toString(), "x".repeat(1001)).andExpect(model().attributeHasFieldErrors("handForm", "note"));
		handDelivery(id, today.toString(), "Consul\u200B Hoxha").andExpect(model().attributeHasFieldErrors("handForm", "note"));
		assertThat(service.get(id).state()).isEqualTo(ReferralState.APPROVED);

		handDelivery(id, today.toString(), note).andExpect(status().is3xxRedirection());
		Referral referral = service.get(id);
		assertThat(referral.state()).isEqualTo(ReferralState.DISPATCHED);
		assertThat(referral.channel()).isEqualTo(DispatchChannel.BY_HAND);
		assertThat(LocalDate.ofInstant(referral.dispatchedAt(), ZoneId.of("Europe/Tirane"))).isEqualTo(today);
		byte[] stored = jdbc.sql("select note from referrals.dispatch where referral_id = ?").param(id).query(byte[].class).single();
		assertThat(new String(stored, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain("Hoxha");
		assertThat(messages.progressOf(message)).containsExactly("referred");
		assertThat(mail.getReceivedMessages()).isEmpty();
		handDelivery(id, today.toString(), note).andExpect(flash().attribute("problem", "referrals.dispatch.already"));
		assertThat(dispatchRows(id)).isEqualTo(1);
	}

	// ---------------------------------------------------------------- acknowledgement and overdue

	@Test
	void recordsTheAuthoritysAcknowledgement() throws Exception {
		UUID message = message();
		UUID id = approvedReferral("POLICE", "sq", message);
		dispatch(id);
		LocalDate today = service.today();
		acknowledge(id, "", today.toString()).andExpect(model().attributeHasFieldErrors("ackForm", "theirReference"));
		acknowledge(id, "R".repeat(101), today.toString()).andExpect(model().attributeHasFieldErrors("ackForm", "theirReference"));
		acknowledge(id, "PSH\u202E-1", today.toString()).andExpect(model().attributeHasFieldErrors("ackForm", "theirReference"));
		acknowledge(id, "PSH-2026/114", "").andExpect(model().attributeHasFieldErrors("ackForm", "acknowledgedOn"));
		acknowledge(id, "PSH-2026/114", "yesterday").andExpect(model().attributeHasFieldErrors("ackForm", "acknowledgedOn"));
		acknowledge(id, "PSH-2026/114", today.plusDays(1).toString()).andExpect(model().attributeHasFieldErrors("ackForm", "acknowledgedOn"));
		acknowledge(id, "PSH-2026/114", today.minusDays(1).toString()).andExpect(model().attributeHasFieldErrors("ackForm", "acknowledgedOn"));
		assertThat(service.get(id).state()).isEqualTo(ReferralState.DISPATCHED);

		acknowledge(id, "PSH-2026/114", today.toString()).andExpect(status().is3xxRedirection());
		Referral referral = service.get(id);
		assertThat(referral.state()).isEqualTo(ReferralState.ACKNOWLEDGED);
		assertThat(referral.theirReference()).isEqualTo("PSH-2026/114");
		assertThat(referral.acknowledgedOn()).isEqualTo(today);
		assertThat(messages.progressOf(message)).containsExactly("referred", "acknowledged");
		acknowledge(id, "PSH-2026/115", today.toString()).andExpect(status().isConflict())
			.andExpect(content().string(containsString("has already been acknowledged")))
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString("Only a dispatched referral"))));
		assertThat(service.get(id).theirReference()).isEqualTo("PSH-2026/114");
	}

	@Test
	void refusesToAcknowledgeWhatWasNotDispatched() throws Exception {
		UUID id = approvedReferral("MINISTRY", "sq", message());
		acknowledge(id, "X-1", service.today().toString()).andExpect(status().isConflict());
		assertThat(service.get(id).state()).isEqualTo(ReferralState.APPROVED);
	}

	@Test
	void marksSilentReferralsOverdueAndStillAcceptsALateAcknowledgement() throws Exception {
		UUID message = message();
		UUID id = approvedReferral("MINISTRY", "sq", message);
		dispatch(id);
		Referral dispatched = service.get(id);
		// The scheduled job reads the injected clock: here one just before and one just after the deadline.
		new OverdueCheck(service, Clock.fixed(dispatched.dueAt().minusSeconds(1), ZoneOffset.UTC)).run();
		assertThat(service.get(id).state()).isEqualTo(ReferralState.DISPATCHED);
		new OverdueCheck(service, Clock.fixed(dispatched.dueAt().plusSeconds(1), ZoneOffset.UTC)).run();
		assertThat(service.get(id).state()).isEqualTo(ReferralState.OVERDUE);
		assertThat(auditOf("referral", id)).extracting(r -> r.get("actor"), r -> r.get("action"))
			.contains(tuple("system", "referral.overdue"));
		mvc.perform(get("/staff/referrals/overdue").with(user("lina").roles("LIAISON")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(dispatched.reference())));

		acknowledge(id, "MB-77", service.today().toString()).andExpect(status().is3xxRedirection());
		assertThat(service.get(id).state()).isEqualTo(ReferralState.ACKNOWLEDGED);
		assertThat(messages.progressOf(message)).containsExactly("referred", "acknowledged");
		mvc.perform(get("/staff/referrals/overdue").with(user("lina").roles("LIAISON")))
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString(dispatched.reference()))));
	}

	// ---------------------------------------------------------------- packet, unknown ids

	@Test
	void servesThePacketToStaffAndAuditsEachDownload() throws Exception {
		UUID id = approvedReferral("MINISTRY", "sq", message());
		Referral referral = service.get(id);
		MvcResult result = mvc.perform(get("/staff/referrals/{id}/packet", id).with(user("rita").roles("REVIEWER")))
			.andExpect(status().isOk())
			.andExpect(content().contentType(MediaType.APPLICATION_PDF))
			.andExpect(header().string("Content-Disposition", containsString(referral.reference() + ".pdf")))
			.andExpect(header().string("Cache-Control", containsString("no-store")))
			.andReturn();
		assertThat(Digests.sha256(result.getResponse().getContentAsByteArray())).isEqualTo(referral.packetSha256());
		assertThat(auditOf("referral", id)).extracting(r -> r.get("actor"), r -> r.get("action"))
			.contains(tuple("rita", "referral.packet.read"));
		byte[] stored = jdbc.sql("select packet from referrals.referral where id = ?").param(id).query(byte[].class).single();
		assertThat(new String(stored, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain("%PDF");
	}

	@Test
	void answersUnknownReferralsWith404() throws Exception {
		UUID unknown = UUID.randomUUID();
		mvc.perform(get("/staff/referrals/{id}", unknown).with(user("lina").roles("LIAISON"))).andExpect(status().isNotFound());
		mvc.perform(get("/staff/referrals/{id}/packet", unknown).with(user("lina").roles("LIAISON"))).andExpect(status().isNotFound());
		for (String action : List.of("approve", "dispatch", "hand-delivery", "acknowledge")) {
			mvc.perform(post("/staff/referrals/{id}/" + action, unknown).with(csrf()).with(user("lina").roles("LIAISON"))
				.param("deliveredOn", service.today().toString()).param("note", "n")
				.param("theirReference", "r").param("acknowledgedOn", service.today().toString()))
				.andExpect(status().isNotFound());
		}
		mvc.perform(get("/staff/referrals/not-a-uuid").with(user("lina").roles("LIAISON"))).andExpect(status().isBadRequest());
		mvc.perform(get("/staff/referrals").param("state", "LOST").with(user("lina").roles("LIAISON"))).andExpect(status().isBadRequest());
		UUID draft = create("lina", authority("MINISTRY", "sq"), message());
		mvc.perform(get("/staff/referrals/{id}/packet", draft).with(user("lina").roles("LIAISON"))).andExpect(status().isNotFound());
	}

	// ---------------------------------------------------------------- recipient copied into the draft

	@Test
	void editingThePoliceIntoAnotherKindDoesNotLetTheCreatorApprove() throws Exception {
		UUID authority = authority("POLICE", "sq");
		UUID id = create("lina", authority, message());
		editAuthority(authority, "OTHER", "desk@policia.test");
		mvc.perform(post("/staff/referrals/{id}/approve", id).with(csrf()).with(user("lina").roles("LIAISON", "REVIEWER")))
			.andExpect(status().isForbidden());
		editAuthority(authority, "POLICE", "desk@policia.test");
		assertThat(service.get(id).state()).isEqualTo(ReferralState.DRAFT);
		assertThat(service.get(id).recipient().kind().name()).isEqualTo("POLICE");
		mvc.perform(get("/staff/referrals/{id}", id).with(user("lina").roles("LIAISON", "REVIEWER")))
			.andExpect(content().string(containsString("someone other than you must approve it")));
	}

	@Test
	void anApprovedPacketGoesToTheAddressCopiedIntoTheDraftAndTheChangeIsAudited() throws Exception {
		UUID authority = authority("POLICE", "sq");
		UUID id = create("lina", authority, message());
		approve("rita", id);
		editAuthority(authority, "POLICE", "elsewhere@mailbox.test");
		dispatch(id);
		assertThat(mail.getReceivedMessages()).hasSize(1);
		assertThat(mail.getReceivedMessages()[0].getAllRecipients()).extracting(Object::toString).containsExactly("desk@policia.test");
		assertThat(jdbc.sql("select mail_to from referrals.dispatch where referral_id = ?").param(id).query(String.class).single())
			.isEqualTo("desk@policia.test");
		assertThat(auditOf("authority", authority)).filteredOn(r -> "authority.update".equals(r.get("action")))
			.extracting(r -> r.get("detail"))
			.containsExactly("kind=POLICE;email=desk@policia.test->elsewhere@mailbox.test");
	}

	@Test
	void refusesToApproveOrDispatchForADeactivatedAuthority() throws Exception {
		UUID draftAuthority = authority("MINISTRY", "sq");
		UUID draft = create("lina", draftAuthority, message());
		deactivate(draftAuthority);
		mvc.perform(post("/staff/referrals/{id}/approve", draft).with(csrf()).with(user("rita").roles("REVIEWER")))
			.andExpect(flash().attribute("problem", "referrals.authority.inactive"));
		assertThat(service.get(draft).state()).isEqualTo(ReferralState.DRAFT);

		UUID approvedAuthority = authority("EMBASSY", "en");
		UUID approved = create("lina", approvedAuthority, message());
		approve("rita", approved);
		deactivate(approvedAuthority);
		mvc.perform(post("/staff/referrals/{id}/dispatch", approved).with(csrf()).with(user("lina").roles("LIAISON")))
			.andExpect(flash().attribute("problem", "referrals.authority.inactive"));
		org.springframework.test.web.servlet.MvcResult refused = handDelivery(approved, service.today().toString(),
				"Handed to the duty officer")
			.andExpect(flash().attribute("problem", "referrals.authority.inactive"))
			.andReturn();
		assertThat(service.get(approved).state()).isEqualTo(ReferralState.APPROVED);
		assertThat(dispatchRows(approved)).isZero();
		mvc.perform(get("/staff/referrals/{id}", approved).with(user("lina").roles("LIAISON")).param("lang", "sq")
			.with(org.kinlink.accounts.StaffSession.from(refused).orElseThrow()))
			.andExpect(content().string(containsString("Ky autoritet është çaktivizuar.")));
		assertThat(mail.getReceivedMessages()).isEmpty();
	}

	// ---------------------------------------------------------------- which messages can be referred

	@Test
	void offersAndAcceptsOnlyApprovedMessages() throws Exception {
		UUID authority = authority("INTERNATIONAL_BODY", "en");
		// Only the English translation is approved: the message is still being translated into Albanian.
		UUID englishOnly = messages.add(UpstreamFakes.PERSIAN);
		translations.approve(englishOnly, "en", UpstreamFakes.ENGLISH);
		messages.setStatus(englishOnly, org.kinlink.messages.MessageStatus.IN_TRANSLATION);
		UUID referred = message();
		messages.setStatus(referred, org.kinlink.messages.MessageStatus.REFERRED);

		mvc.perform(get("/staff/referrals/new").with(user("lina").roles("LIAISON")))
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString(messages.summary(englishOnly).reference()))))
			.andExpect(content().string(containsString(messages.summary(referred).reference())));
		expectFormError("messageIds", authority.toString(), englishOnly.toString());
		assertThat(service.list(null)).noneMatch(r -> r.messageIds().contains(englishOnly));
		assertThat(service.get(create("lina", authority, referred)).state()).isEqualTo(ReferralState.DRAFT);
	}

	// ---------------------------------------------------------------- the packet's text

	@Test
	void printsTheTranslationSegmentBySegmentAndLabelsTheOriginalByItsLanguage() throws Exception {
		UUID message = messages.add("Dear Ali,\nWe are well. We miss you.", "en");
		translations.approve(message, "sq", "I dashur Ali,", "Jemi mirë.", "Na mungon.");
		UUID id = approvedReferral("MINISTRY", "sq", message);
		byte[] pdf = mvc.perform(get("/staff/referrals/{id}/packet", id).with(user("lina").roles("LIAISON")))
			.andReturn().getResponse().getContentAsByteArray();
		String text;
		try (org.apache.pdfbox.pdmodel.PDDocument document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
			text = new org.apache.pdfbox.text.PDFTextStripper().getText(document);
		}
		List<String> lines = text.lines().map(String::strip).toList();
		assertThat(lines).containsSubsequence("I dashur Ali,", "Jemi mirë.", "Na mungon.");
		assertThat(lines).contains("Letra origjinale (anglisht)").doesNotContain("Letra origjinale (persisht)");
		assertThat(text.replaceAll("\\s+", " ")).contains("letra origjinale në anglisht");
	}

	// ---------------------------------------------------------------- helpers

	private UUID authority(String kind, String language) throws Exception {
		String name = kind + " " + UUID.randomUUID();
		mvc.perform(post("/staff/authorities").with(csrf()).with(user("lina").roles("LIAISON"))
			.param("name", name).param("kind", kind).param("language", language)
			.param("postalAddress", "Rruga e Kavajës 10\nTiranë").param("email", kind.equals("POLICE") ? "desk@policia.test" : "desk@" + kind.toLowerCase().replace('_', '-') + ".test")
			.param("acknowledgementDays", "30"))
			.andExpect(status().is3xxRedirection());
		return directory.all().stream().filter(a -> a.name().equals(name)).map(Authority::id).findFirst().orElseThrow();
	}

	private void editAuthority(UUID id, String kind, String email) throws Exception {
		Authority current = directory.get(id);
		mvc.perform(post("/staff/authorities/{id}", id).with(csrf()).with(user("lina").roles("LIAISON"))
			.param("name", current.name()).param("kind", kind).param("language", current.language())
			.param("postalAddress", current.postalAddress()).param("email", email)
			.param("acknowledgementDays", String.valueOf(current.acknowledgementDays())))
			.andExpect(status().is3xxRedirection());
	}

	private void deactivate(UUID id) throws Exception {
		mvc.perform(post("/staff/authorities/{id}/deactivate", id).with(csrf()).with(user("lina").roles("LIAISON")))
			.andExpect(status().is3xxRedirection());
	}

	private UUID message() {
		UUID id = messages.add(UpstreamFakes.PERSIAN);
		translations.approve(id, "sq", UpstreamFakes.ALBANIAN);
		translations.approve(id, "en", UpstreamFakes.ENGLISH);
		return id;
	}

	/** S19: the new-referral form sent again (a double click, a retry after a lost answer) makes no second referral. */
	@Test
	void theSameNewReferralFormSentTwiceMakesOneReferral() throws Exception {
		UUID authority = authority("MINISTRY", "sq");
		UUID message = message();
		String formKey = mvc.perform(get("/staff/referrals/new").with(user("lina").roles("LIAISON")))
			.andExpect(status().isOk())
			.andReturn().getModelAndView().getModel().get("form") instanceof ReferralForm form ? form.formKey().toString() : null;
		assertThat(formKey).as("the form carries a key").isNotNull();
		List<String> locations = new ArrayList<>();
		for (int attempt = 0; attempt < 2; attempt++) {
			locations.add(mvc.perform(post("/staff/referrals").with(csrf()).with(user("lina").roles("LIAISON"))
				.param("authorityId", authority.toString()).param("messageIds", message.toString()).param("formKey", formKey))
				.andExpect(status().is3xxRedirection())
				.andReturn().getResponse().getRedirectedUrl());
		}
		assertThat(locations.get(1)).isEqualTo(locations.get(0));
		assertThat(referralsOf(message)).isEqualTo(1);
		// a fresh form (another key) is a new decision: a second referral of the same message is allowed
		create("lina", authority, message);
		assertThat(referralsOf(message)).isEqualTo(2);
	}

	@Test
	void twoSimultaneousSubmissionsOfOneFormMakeOneReferral() throws Exception {
		UUID authority = authority("MINISTRY", "sq");
		UUID message = message();
		UUID formKey = UUID.randomUUID();
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			List<Future<UUID>> made = new ArrayList<>();
			for (int i = 0; i < 2; i++) {
				made.add(pool.submit(() -> {
					start.await();
					return service.create(authority, List.of(message), "lina", formKey);
				}));
			}
			start.countDown();
			assertThat(made.get(0).get()).isEqualTo(made.get(1).get());
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(referralsOf(message)).isEqualTo(1);
	}

	private int referralsOf(UUID message) {
		return jdbc.sql("select count(*) from referrals.referral_message where message_id = ?").param(message)
			.query(Integer.class).single();
	}

	private UUID create(String who, UUID authority, UUID... messageIds) throws Exception {
		var request = post("/staff/referrals").with(csrf()).with(user(who).roles("LIAISON")).param("authorityId", authority.toString());
		for (UUID messageId : messageIds) {
			request.param("messageIds", messageId.toString());
		}
		String location = mvc.perform(request).andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
		return UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
	}

	private void approve(String who, UUID id) throws Exception {
		mvc.perform(post("/staff/referrals/{id}/approve", id).with(csrf()).with(user(who).roles("REVIEWER", "LIAISON")))
			.andExpect(status().is3xxRedirection());
	}

	private UUID approvedReferral(String kind, String language, UUID message) throws Exception {
		UUID id = create("lina", authority(kind, language), message);
		approve("rita", id);
		return id;
	}

	private void dispatch(UUID id) throws Exception {
		dispatch(id, true);
	}

	private void dispatch(UUID id, boolean awaitMail) throws Exception {
		mvc.perform(post("/staff/referrals/{id}/dispatch", id).with(csrf()).with(user("lina").roles("LIAISON")))
			.andExpect(flash().attribute("notice", "referrals.dispatch.sent"));
		if (awaitMail) {
			awaitMailSent(id);
		}
	}

	/** The e-mail leaves after the dispatch commits, from a listener: wait until it is recorded as sent. */
	private void awaitMailSent(UUID id) {
		await().atMost(Duration.ofSeconds(30)).until(() -> service.get(id).mailSentAt() != null);
	}

	private int incompleteDispatchPublications(UUID id) {
		return jdbc.sql("""
				select count(*) from event_publication where completion_date is null
				and event_type = ? and serialized_event like ?
				""").params(ReferralDispatched.class.getName(), "%" + id + "%").query(Integer.class).single();
	}

	private org.springframework.test.web.servlet.ResultActions handDelivery(UUID id, String date, String note) throws Exception {
		return mvc.perform(post("/staff/referrals/{id}/hand-delivery", id).with(csrf()).with(user("lina").roles("LIAISON"))
			.param("deliveredOn", date).param("note", note));
	}

	private org.springframework.test.web.servlet.ResultActions acknowledge(UUID id, String reference, String date) throws Exception {
		return mvc.perform(post("/staff/referrals/{id}/acknowledge", id).with(csrf()).with(user("lina").roles("LIAISON"))
			.param("theirReference", reference).param("acknowledgedOn", date));
	}

	private void expectFormError(String field, String authority, String... messageIds) throws Exception {
		var request = post("/staff/referrals").with(csrf()).with(user("lina").roles("LIAISON"));
		if (authority != null) {
			request.param("authorityId", authority);
		}
		for (String messageId : messageIds) {
			request.param("messageIds", messageId);
		}
		mvc.perform(request)
			.andExpect(status().isOk())
			.andExpect(view().name(ReferralController.NEW))
			.andExpect(model().attributeHasFieldErrors("form", field));
	}

	private int dispatchRows(UUID id) {
		return jdbc.sql("select count(*) from referrals.dispatch where referral_id = ?").param(id).query(Integer.class).single();
	}

	private static List<Part> parts(Part part) throws Exception {
		List<Part> all = new ArrayList<>();
		if (part.getContent() instanceof Multipart multipart) {
			for (int i = 0; i < multipart.getCount(); i++) {
				BodyPart child = multipart.getBodyPart(i);
				all.addAll(parts(child));
			}
		}
		else {
			all.add(part);
		}
		return all;
	}

	private static String fileName(Part part) {
		try {
			return part.getFileName();
		}
		catch (jakarta.mail.MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String text(Part part) {
		try {
			return part.getContent().toString();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
