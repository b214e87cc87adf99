package org.kinlink.referrals.workflow;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import org.kinlink.shared.web.ForbiddenActionException;
import org.kinlink.shared.web.IllegalTransitionException;

/**
 * A referral of one or more family messages to one authority. It owns its state changes and refuses illegal
 * moves; the second-person rule for police and UN bodies (S14) lives here too.
 */
public class Referral {

	private final UUID id;

	private final String reference;

	private final UUID authorityId;

	private final Recipient recipient;

	private final List<UUID> messageIds;

	private final String createdBy;

	private final Instant createdAt;

	private ReferralState state;

	private String approvedBy;

	private Instant approvedAt;

	private DispatchChannel channel;

	private Instant dispatchedAt;

	private Instant dueAt;

	private String theirReference;

	private LocalDate acknowledgedOn;

	private String acknowledgedBy;

	private Instant overdueSince;

	private String packetSha256;

	private Instant mailSentAt;

	private final boolean notification;

	Referral(UUID id, String reference, UUID authorityId, Recipient recipient, List<UUID> messageIds, String createdBy,
			Instant createdAt) {
		this(id, reference, authorityId, recipient, messageIds, createdBy, createdAt, false);
	}

	Referral(UUID id, String reference, UUID authorityId, Recipient recipient, List<UUID> messageIds, String createdBy,
			Instant createdAt, boolean notification) {
		this.notification = notification;
		this.id = Objects.requireNonNull(id);
		this.reference = Objects.requireNonNull(reference);
		this.authorityId = Objects.requireNonNull(authorityId);
		this.recipient = Objects.requireNonNull(recipient);
		this.messageIds = List.copyOf(messageIds);
		this.createdBy = Objects.requireNonNull(createdBy);
		this.createdAt = Objects.requireNonNull(createdAt);
		this.state = ReferralState.DRAFT;
		if (this.messageIds.isEmpty() != notification) {
			throw new IllegalArgumentException("a referral carries either messages or a notification letter");
		}
	}

	/** A new referral in DRAFT, with the recipient copied from the directory as it is now. */
	static Referral draft(UUID id, String reference, UUID authorityId, Recipient recipient, List<UUID> messageIds,
			String createdBy, Instant at) {
		return new Referral(id, reference, authorityId, recipient, messageIds, createdBy, at);
	}

	/** A new DRAFT whose packet is a notification letter (stored sealed beside it) instead of family messages. */
	static Referral notificationDraft(UUID id, String reference, UUID authorityId, Recipient recipient, String createdBy,
			Instant at) {
		return new Referral(id, reference, authorityId, recipient, List.of(), createdBy, at, true);
	}

	/**
	 * Approves a draft. When the recipient (as copied into the draft) needs a second person, the creator may not
	 * approve: the caller audits the refusal.
	 */
	void approve(String approver, Instant at) {
		require(ReferralState.DRAFT);
		if (refusesApprovalBy(approver)) {
			throw new ForbiddenActionException("referrals.approve.secondPersonNeeded");
		}
		state = ReferralState.APPROVED;
		approvedBy = approver;
		approvedAt = at;
	}

	/** Records the digest of the packet made at approval; the packet itself is stored sealed. */
	void attachPacket(String sha256) {
		require(ReferralState.APPROVED);
		packetSha256 = Objects.requireNonNull(sha256);
	}

	/** Whether this approver is refused by the second-person rule, applied to the recipient copied into the draft. */
	boolean refusesApprovalBy(String approver) {
		return recipient.needsSecondApproval() && createdBy.equals(approver);
	}

	/** The packet left on this channel at this time; the recipient then has its deadline to acknowledge. */
	void dispatch(DispatchChannel on, Instant at) {
		if (state == ReferralState.DISPATCHED || state == ReferralState.ACKNOWLEDGED || state == ReferralState.OVERDUE) {
			throw new IllegalTransitionException("referrals.dispatch.already");
		}
		require(ReferralState.APPROVED);
		channel = Objects.requireNonNull(on);
		dispatchedAt = Objects.requireNonNull(at);
		dueAt = at.plus(Duration.ofDays(recipient.acknowledgementDays()));
		state = ReferralState.DISPATCHED;
	}

	/** The authority acknowledged, also after the deadline; the date cannot precede the dispatch. */
	void acknowledge(String theirRef, LocalDate on, LocalDate dispatchDay, String by) {
		if (state == ReferralState.ACKNOWLEDGED) {
			throw new IllegalTransitionException("referrals.acknowledge.already");
		}
		if (state != ReferralState.DISPATCHED && state != ReferralState.OVERDUE) {
			throw new IllegalTransitionException("referrals.acknowledge.notDispatched");
		}
		if (on.isBefore(dispatchDay)) {
			throw new IllegalArgumentException("acknowledged before dispatch");
		}
		theirReference = Objects.requireNonNull(theirRef);
		acknowledgedOn = on;
		acknowledgedBy = by;
		state = ReferralState.ACKNOWLEDGED;
	}

	/** Marks a dispatched referral overdue once its deadline has passed; false when nothing changed. */
	boolean markOverdueIfLate(Instant now) {
		if (state != ReferralState.DISPATCHED || !now.isAfter(dueAt)) {
			return false;
		}
		state = ReferralState.OVERDUE;
		overdueSince = now;
		return true;
	}

	private void require(ReferralState expected) {
		if (state != expected) {
			throw new IllegalTransitionException();
		}
	}

	/** Restores the stored state: used by the repository only. */
	void restore(ReferralState state, String approvedBy, Instant approvedAt, DispatchChannel channel, Instant dispatchedAt,
			Instant dueAt, String theirReference, LocalDate acknowledgedOn, String acknowledgedBy, Instant overdueSince,
			String packetSha256, Instant mailSentAt) {
		this.packetSha256 = packetSha256;
		this.mailSentAt = mailSentAt;
		this.state = state;
		this.approvedBy = approvedBy;
		this.approvedAt = approvedAt;
		this.channel = channel;
		this.dispatchedAt = dispatchedAt;
		this.dueAt = dueAt;
		this.theirReference = theirReference;
		this.acknowledgedOn = acknowledgedOn;
		this.acknowledgedBy = acknowledgedBy;
		this.overdueSince = overdueSince;
	}

	public UUID id() {
		return id;
	}

	public String reference() {
		return reference;
	}

	public UUID authorityId() {
		return authorityId;
	}

	public Recipient recipient() {
		return recipient;
	}

	public List<UUID> messageIds() {
		return messageIds;
	}

	/** Whether the packet is a notification letter (casework) rather than family messages. */
	public boolean notification() {
		return notification;
	}

	public String createdBy() {
		return createdBy;
	}

	public Instant createdAt() {
		return createdAt;
	}

	public ReferralState state() {
		return state;
	}

	public String approvedBy() {
		return approvedBy;
	}

	public Instant approvedAt() {
		return approvedAt;
	}

	public DispatchChannel channel() {
		return channel;
	}

	public Instant dispatchedAt() {
		return dispatchedAt;
	}

	public Instant dueAt() {
		return dueAt;
	}

	public String theirReference() {
		return theirReference;
	}

	public LocalDate acknowledgedOn() {
		return acknowledgedOn;
	}

	public String acknowledgedBy() {
		return acknowledgedBy;
	}

	public Instant overdueSince() {
		return overdueSince;
	}

	public String packetSha256() {
		return packetSha256;
	}

	/** When the mail server took the packet; null for a hand delivery and while the e-mail is still pending. */
	public Instant mailSentAt() {
		return mailSentAt;
	}

	/** Dispatched by e-mail, but the mail server has not taken the packet yet: it is retried. */
	public boolean mailPending() {
		return channel == DispatchChannel.EMAIL && dispatchedAt != null && mailSentAt == null;
	}

}
