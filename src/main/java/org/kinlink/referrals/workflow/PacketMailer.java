package org.kinlink.referrals.workflow;

import java.util.Locale;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

import org.kinlink.shared.i18n.Formats;
import org.kinlink.shared.i18n.Languages;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Sends a packet by e-mail in the recipient's language with the PDF attached, and the videos small enough to
 * travel with it (decrypted only while the mail is written to the server). The Message-ID is derived from
 * the referral, so if a crash forces a resend the recipient's mail system sees the same message again, not a
 * second referral.
 */
@Component
class PacketMailer {

	private final JavaMailSender sender;

	private final MessageSource messages;

	private final Formats formats;

	private final String from;

	PacketMailer(JavaMailSender sender, MessageSource messages, Formats formats, @Value("${kinlink.mail.from}") String from) {
		this.sender = sender;
		this.messages = messages;
		this.formats = formats;
		this.from = from; // time-outs and STARTTLS come from spring.mail.properties (application.properties)
	}

	/** Sends the packet to the given address in the language of the recipient copied into the referral. */
	void send(Referral referral, String to, byte[] pdf, java.util.List<MediaEnclosures.MailAttachment> attachments) {
		Recipient recipient = referral.recipient();
		Locale locale = Languages.supported(recipient.language());
		locale = locale == null ? Languages.ENGLISH : locale;
		try {
			MimeMessage message = new StableIdMessage(sender.createMimeMessage().getSession(),
					"<" + referral.id() + "@referrals.kinlink>");
			MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
			helper.setFrom(from);
			helper.setTo(to);
			helper.setSubject(messages.getMessage("referrals.mail.subject", new Object[] { referral.reference() }, locale));
			helper.setText(messages.getMessage("referrals.mail.body", new Object[] { referral.reference(),
					formats.number(recipient.acknowledgementDays(), locale), referral.packetSha256() }, locale));
			helper.addAttachment(referral.reference() + ".pdf", new ByteArrayResource(pdf), "application/pdf");
			for (MediaEnclosures.MailAttachment attachment : attachments) {
				helper.addAttachment(attachment.name(), attachment.source(), attachment.contentType());
			}
			sender.send(message);
		}
		catch (MessagingException | MailException ex) {
			throw new DispatchFailedException(ex);
		}
	}

	/** A message whose Message-ID stays what we set instead of being regenerated on send. */
	private static final class StableIdMessage extends MimeMessage {

		private final String messageId;

		StableIdMessage(Session session, String messageId) {
			super(session);
			this.messageId = messageId;
		}

		@Override
		protected void updateMessageID() throws MessagingException {
			setHeader("Message-ID", messageId);
		}

	}

}
