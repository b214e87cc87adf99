package org.kinlink.translation.glossary;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The glossary tables in schema translation; renderings are stored one per line. */
@Repository
class GlossaryRepository {

	private static final String COLUMNS = "id, source_language, target_language, kind, term, renderings, note, version, updated_by, updated_at";

	private final JdbcClient jdbc;

	GlossaryRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<GlossaryTerm> terms(LanguagePair pair) {
		return jdbc.sql("select " + COLUMNS + " from translation.glossary_term where source_language = ? and target_language = ? order by term_key")
			.params(pair.source(), pair.target())
			.query(GlossaryRepository::term)
			.list();
	}

	Optional<GlossaryTerm> find(UUID id) {
		return jdbc.sql("select " + COLUMNS + " from translation.glossary_term where id = ?").param(id)
			.query(GlossaryRepository::term).optional();
	}

	Optional<GlossaryTerm> findByKey(LanguagePair pair, String key) {
		return jdbc.sql("select " + COLUMNS + " from translation.glossary_term where source_language = ? and target_language = ? and term_key = ?")
			.params(pair.source(), pair.target(), key)
			.query(GlossaryRepository::term).optional();
	}

	/** Adds the term; false if the pair already has a term with its key (added meanwhile by someone else). */
	boolean insert(UUID id, LanguagePair pair, TermDraft draft, String user, Instant now) {
		return jdbc.sql("""
				insert into translation.glossary_term (id, source_language, target_language, kind, term, term_key,
				    renderings, note, created_by, created_at, updated_by, updated_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
				on conflict on constraint glossary_term_unique do nothing""")
			.params(id, pair.source(), pair.target(), draft.kind().name(), draft.term(), MatchText.key(draft.term()),
					String.join("\n", draft.renderings()), draft.note(), user, Timestamp.from(now), user, Timestamp.from(now))
			.update() == 1;
	}

	/** Changes the term if it still has the version read; false if someone changed or deleted it meanwhile. */
	boolean update(UUID id, int version, TermDraft draft, String user, Instant now) {
		return jdbc.sql("""
				update translation.glossary_term set kind = ?, term = ?, term_key = ?, renderings = ?, note = ?,
				    updated_by = ?, updated_at = ?, version = version + 1
				where id = ? and version = ?""")
			.params(draft.kind().name(), draft.term(), MatchText.key(draft.term()), String.join("\n", draft.renderings()),
					draft.note(), user, Timestamp.from(now), id, version)
			.update() == 1;
	}

	boolean delete(UUID id) {
		return jdbc.sql("delete from translation.glossary_term where id = ?").param(id).update() == 1;
	}

	long revision(LanguagePair pair) {
		return jdbc.sql("select revision from translation.glossary_revision where source_language = ? and target_language = ?")
			.params(pair.source(), pair.target()).query(Long.class).optional().orElse(0L);
	}

	void bumpRevision(LanguagePair pair) {
		jdbc.sql("""
				insert into translation.glossary_revision (source_language, target_language, revision) values (?, ?, 1)
				on conflict (source_language, target_language) do update set revision = translation.glossary_revision.revision + 1""")
			.params(pair.source(), pair.target()).update();
	}

	private static GlossaryTerm term(ResultSet rs, int row) throws SQLException {
		return new GlossaryTerm(rs.getObject("id", UUID.class),
				new LanguagePair(rs.getString("source_language"), rs.getString("target_language")),
				TermKind.valueOf(rs.getString("kind")), rs.getString("term"),
				Arrays.asList(rs.getString("renderings").split("\n")), rs.getString("note"), rs.getInt("version"),
				rs.getString("updated_by"), rs.getTimestamp("updated_at").toInstant());
	}

}
