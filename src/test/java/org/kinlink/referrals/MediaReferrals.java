package org.kinlink.referrals;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.mail.Multipart;
import jakarta.mail.Part;

import org.kinlink.media.Rendition;
import org.kinlink.referrals.directory.AuthorityDirectory;
import org.kinlink.testsupport.MediaFixtures;
import org.kinlink.translation.tasks.TaskFixtures;
import org.kinlink.translation.tasks.TranslationDesk;

import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A message with a scan and a video, its Albanian translation approved through the real modules, and a
 * referral of it to the police approved by a second person: what the media referral tests start from.
 */
final class MediaReferrals {

	private final ApplicationContext context;

	private final MockMvc mvc;

	UUID messageId;

	UUID scan;

	UUID video;

	UUID referralId;

	private MediaReferrals(ApplicationContext context) {
		this.context = context;
		this.mvc = context.getBean(MockMvc.class);
	}

	static MediaReferrals approvedReferral(ApplicationContext context) throws Exception {
		MediaReferrals referral = draft(context, true);
		if (referral.approve() != 302) {
			throw new IllegalStateException("the referral was not approved");
		}
		return referral;
	}

	/** A draft referral of a message whose video has (or has not yet) its Albanian subtitled copy. */
	static MediaReferrals draft(ApplicationContext context, boolean subtitled) throws Exception {
		MediaReferrals referral = new MediaReferrals(context);
		referral.prepare(subtitled);
		return referral;
	}

	/** A second person approves the referral; the HTTP status of the answer. */
	int approve() throws Exception {
		return mvc.perform(post("/staff/referrals/{id}/approve", referralId).with(csrf()).with(user("rita").roles("REVIEWER")))
			.andReturn().getResponse().getStatus();
	}

	private void prepare(boolean subtitled) throws Exception {
		TaskFixtures tasks = TaskFixtures.from(context);
		MediaFixtures media = MediaFixtures.from(context);
		messageId = tasks.acceptedLetter(UpstreamFakes.PERSIAN);
		UUID taskId = tasks.reviewed(messageId, "sq", "tina", "rita", List.of(UpstreamFakes.ALBANIAN)).id();
		context.getBean(TranslationDesk.class).approve(taskId, TaskFixtures.reviewer("anna"));
		scan = media.scan(messageId);
		video = media.video(messageId);
		if (subtitled) {
			media.rendition(video, Rendition.subtitled("sq"), media.testVideo(), "video/mp4", 320, 240);
		}

		String name = "Policia e Shtetit " + UUID.randomUUID();
		mvc.perform(post("/staff/authorities").with(csrf()).with(user("lina").roles("LIAISON"))
			.param("name", name).param("kind", "POLICE").param("language", "sq")
			.param("postalAddress", "Sheshi Skënderbej 3\nTiranë").param("email", "kerkimi@policia.test")
			.param("acknowledgementDays", "30"))
			.andExpect(status().is3xxRedirection());
		UUID authority = context.getBean(AuthorityDirectory.class).all().stream().filter(a -> a.name().equals(name))
			.findFirst().orElseThrow().id();
		String location = mvc.perform(post("/staff/referrals").with(csrf()).with(user("lina").roles("LIAISON"))
			.param("authorityId", authority.toString()).param("messageIds", messageId.toString()))
			.andExpect(status().is3xxRedirection())
			.andReturn().getResponse().getRedirectedUrl();
		referralId = UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
	}

	byte[] packet() throws Exception {
		return mvc.perform(get("/staff/referrals/{id}/packet", referralId).with(user("lina").roles("LIAISON")))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
	}

	void dispatch() throws Exception {
		mvc.perform(post("/staff/referrals/{id}/dispatch", referralId).with(csrf()).with(user("lina").roles("LIAISON")))
			.andExpect(status().is3xxRedirection());
	}

	/** The leaf parts of a mail. */
	static List<Part> parts(Part part) throws Exception {
		List<Part> found = new ArrayList<>();
		if (part.getContent() instanceof Multipart multipart) {
			for (int i = 0; i < multipart.getCount(); i++) {
				found.addAll(parts(multipart.getBodyPart(i)));
			}
		}
		else {
			found.add(part);
		}
		return found;
	}

}
