package org.kinlink.messages.letters;

import java.sql.Timestamp;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.kinlink.messages.MessageStatus;
import org.kinlink.messages.MessageSummary;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The staff inbox: pages of message summaries (never content), newest first, filtered. */
@Repository
class InboxQueries {

	static final int PAGE_SIZE = 20;

	private final JdbcClient jdbc;

	private final ZoneId zone;

	InboxQueries(JdbcClient jdbc, @Value("${kinlink.time-zone:Europe/Tirane}") ZoneId zone) {
		this.jdbc = jdbc;
		this.zone = zone;
	}

	/** One page of the inbox; numbers start at 1. */
	record InboxPage(List<MessageSummary> items, int number, int pages, long total) {

		public boolean hasPrevious() {
			return number > 1;
		}

		public boolean hasNext() {
			return number < pages;
		}

	}

	InboxPage page(InboxFilter filter) {
		StringBuilder where = new StringBuilder(" where true");
		Map<String, Object> params = new HashMap<>();
		if (filter.status() != null) {
			where.append(" and status = :status");
			params.put("status", filter.status().name());
		}
		if (filter.language() != null) {
			where.append(" and language = :language");
			params.put("language", filter.language());
		}
		if (filter.from() != null) {
			where.append(" and received_at >= :from");
			params.put("from", Timestamp.from(filter.from().atStartOfDay(zone).toInstant()));
		}
		if (filter.to() != null) {
			where.append(" and received_at < :to");
			params.put("to", Timestamp.from(filter.to().plusDays(1).atStartOfDay(zone).toInstant()));
		}
		long total = jdbc.sql("select count(*) from messages.message" + where).params(params).query(Long.class).single();
		int pages = (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
		int number = Math.min(Math.max(1, filter.pageOrFirst()), pages);
		params.put("limit", PAGE_SIZE);
		params.put("offset", (number - 1) * PAGE_SIZE);
		List<MessageSummary> items = new ArrayList<>(jdbc.sql("""
				select id, reference, status, language, received_at, person_id from messages.message
				""" + where + " order by received_at desc, reference desc limit :limit offset :offset")
			.params(params)
			.query((rs, n) -> new MessageSummary(rs.getObject("id", UUID.class), rs.getString("reference"),
					MessageStatus.valueOf(rs.getString("status")), rs.getString("language"),
					rs.getTimestamp("received_at").toInstant(), rs.getObject("person_id", UUID.class)))
			.list());
		return new InboxPage(items, number, pages, total);
	}

}
