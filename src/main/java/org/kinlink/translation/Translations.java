package org.kinlink.translation;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The translation module's API for referrals: approved translations only. */
public interface Translations {

	Optional<ApprovedTranslation> approved(UUID messageId, String targetLanguage);

	/**
	 * The approved translations of a message's files into the target language, oldest task first; files whose
	 * translation is not approved yet are left out. Each opening is audited.
	 */
	List<ApprovedFileTranslation> approvedFiles(UUID messageId, String targetLanguage);

	/** Messages with at least one approved translation, newest first, for building referrals. */
	List<UUID> messagesWithApprovedTranslation();

}
