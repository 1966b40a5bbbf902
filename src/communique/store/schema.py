"""The corpus tables as SQLAlchemy Core objects: one definition for SQLite and PostgreSQL.

Raw rows (articles, persons, events, event_actors, commitments) hold what each article
says; the resolution tables (identities ... merged_event_actors) are rebuilt from them.
"""
from sqlalchemy import (Column, Float, ForeignKey, ForeignKeyConstraint, Index, Integer, MetaData, String,
                        Table, Text)

metadata = MetaData()

schema_migrations = Table(
    "schema_migrations", metadata,
    Column("version", Integer, primary_key=True, autoincrement=False),
    Column("name", String(200), nullable=False),
    Column("applied_at", String(40), nullable=False),
)

# Small key/value table: the resolution state ("dirty"/"clean") and similar flags.
meta = Table(
    "meta", metadata,
    Column("key", String(100), primary_key=True),
    Column("value", Text),
)

articles = Table(
    "articles", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("doc_id", String(500), nullable=False, unique=True),
    Column("title", Text),
    Column("source", Text),
    Column("url", Text),
    Column("published", String(40)),
    Column("text", Text, nullable=False),
    Column("body_start", Integer),
    Column("body_end", Integer),
    Column("document", Text),          # JSON: the input's metadata (path, line, is_html, ...) for reprocessing
    Column("extraction", Text),        # JSON: the contract dict (Article.to_dict())
    Column("content_hash", String(64), nullable=False),
    Column("extractor_version", String(40), nullable=False),
    Column("ingested_at", String(40), nullable=False),
    Column("updated_at", String(40), nullable=False),
)
Index("ix_articles_extractor_version", articles.c.extractor_version)
Index("ix_articles_published", articles.c.published)

persons = Table(
    "persons", metadata,
    Column("article_id", Integer, ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
    Column("idx", Integer, primary_key=True, autoincrement=False),
    Column("name", Text, nullable=False),
    Column("country", String(3)),
    Column("org", Text),
    Column("titles", Text),            # JSON list
    Column("mentions", Text),          # JSON list of [start, end]
)

events = Table(
    "events", metadata,
    Column("article_id", Integer, ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
    Column("idx", Integer, primary_key=True, autoincrement=False),
    Column("type", String(20), nullable=False),
    Column("mode", String(20)),
    Column("cameo", String(10)),
    Column("date", String(40)),
    Column("date_start", String(10)),
    Column("date_end", String(10)),
    Column("location_name", Text),
    Column("location_country", String(3)),
    Column("mechanism", Text),         # JSON or NULL
    Column("topics", Text),            # JSON list
    Column("evidence", Text),          # JSON list of {"start","end","text"}
    Column("background", Integer, nullable=False, default=0),
    Column("status", String(20), nullable=False, default="happened", server_default="happened"),  # or "planned"
)

event_actors = Table(
    "event_actors", metadata,
    Column("article_id", Integer, primary_key=True, autoincrement=False),
    Column("event_idx", Integer, primary_key=True, autoincrement=False),
    Column("idx", Integer, primary_key=True, autoincrement=False),
    Column("name", Text, nullable=False),
    Column("kind", String(20)),
    Column("country", String(3)),
    Column("role", String(40)),
    Column("code", String(40)),        # CAMEO actor code ("USAGOV", "RUSMIL", "IGO") when known
    Column("sector", String(20)),      # CAMEO sector (GOV, MIL, BUS, LEG, IGO, ...) when known
    ForeignKeyConstraint(["article_id", "event_idx"], ["events.article_id", "events.idx"], ondelete="CASCADE"),
)

commitments = Table(
    "commitments", metadata,
    Column("article_id", Integer, ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
    Column("idx", Integer, primary_key=True, autoincrement=False),
    Column("donor", String(3)),
    Column("recipient", String(3)),
    Column("amount", Float),
    Column("currency", String(10)),
    Column("purpose", Text),
    Column("status", String(20)),
    Column("evidence", Text),
)

# --- corpus resolution (rebuilt as a whole from the raw rows) ---------------------------

identities = Table(
    "identities", metadata,
    Column("id", String(200), primary_key=True),
    Column("name", Text, nullable=False),
    Column("country", String(3)),
    Column("aliases", Text),           # JSON list
    Column("n_events", Integer, nullable=False, default=0),
    Column("links", Text),             # JSON list of [record, record, reason]: why its records are one person
)

# One row per name or alias, folded (case and accents) for matching.
identity_aliases = Table(
    "identity_aliases", metadata,
    Column("identity_id", String(200), ForeignKey("identities.id", ondelete="CASCADE"), primary_key=True),
    Column("key", String(500), primary_key=True),
)

identity_members = Table(
    "identity_members", metadata,
    Column("identity_id", String(200), ForeignKey("identities.id", ondelete="CASCADE"), nullable=False),
    Column("article_id", Integer, primary_key=True, autoincrement=False),
    Column("person_idx", Integer, primary_key=True, autoincrement=False),
    Column("form_id", Integer),        # person_forms.id: the distinct name form the record has
)
Index("ix_identity_members_identity", identity_members.c.identity_id)
Index("ix_identity_members_form", identity_members.c.form_id)

roles = Table(
    "roles", metadata,
    Column("identity_id", String(200), ForeignKey("identities.id", ondelete="CASCADE"), primary_key=True),
    Column("idx", Integer, primary_key=True, autoincrement=False),
    Column("title", Text, nullable=False),
    Column("org", Text),
    Column("country", String(3)),
    Column("level", String(40)),
    Column("first_seen", String(10)),
    Column("last_seen", String(10)),
    Column("article_ids", Text),       # JSON list of articles.id
)

merged_events = Table(
    "merged_events", metadata,
    Column("id", String(100), primary_key=True),
    Column("type", String(20), nullable=False),
    Column("mode", String(20)),
    Column("cameo", String(10)),
    Column("date", String(40)),
    Column("date_start", String(10)),
    Column("date_end", String(10)),
    Column("date_precision", String(20)),
    Column("location_name", Text),
    Column("location_country", String(3)),
    Column("mechanism", Text),
    Column("merge_reason", Text),
    Column("n_sources", Integer, nullable=False, default=1),
    Column("top_level_rank", Integer),  # index in communique.levels.LEVELS of the highest-ranking actor
    # what the event tallies (store/tallies.py) count, kept with the event so that taking its counts
    # out later reads what was put in, even after its reports' rows were rewritten or deleted
    Column("status", String(20), nullable=False, default="happened", server_default="happened"),
    Column("sources", Text),           # JSON list of its reports' outlets
)
Index("ix_merged_events_date", merged_events.c.date_start, merged_events.c.date_end)

merged_event_members = Table(
    "merged_event_members", metadata,
    Column("merged_event_id", String(100), ForeignKey("merged_events.id", ondelete="CASCADE"), nullable=False),
    Column("article_id", Integer, primary_key=True, autoincrement=False),
    Column("event_idx", Integer, primary_key=True, autoincrement=False),
)
Index("ix_merged_event_members_event", merged_event_members.c.merged_event_id)

merged_event_actors = Table(
    "merged_event_actors", metadata,
    Column("merged_event_id", String(100), ForeignKey("merged_events.id", ondelete="CASCADE"), primary_key=True),
    Column("idx", Integer, primary_key=True, autoincrement=False),
    Column("name", Text, nullable=False),
    Column("key", String(500)),         # folded name for matching
    Column("kind", String(20)),
    Column("country", String(3)),
    Column("role", String(40)),
    Column("person_id", String(200)),
    Column("level", String(40)),
)
# (country, event) so "events of country A with country B" is answered from the index alone
Index("ix_merged_event_actors_country_event", merged_event_actors.c.country, merged_event_actors.c.merged_event_id)
Index("ix_merged_event_actors_person", merged_event_actors.c.person_id)

# --- incremental resolution state (see store/incremental.py) ---------------------------

# Articles whose raw rows changed since the last resolution: written in the same transaction
# as the rows, removed in the transaction that resolves them (a crash leaves them queued).
resolve_queue = Table(
    "resolve_queue", metadata,
    Column("article_id", Integer, primary_key=True, autoincrement=False),
)

# One row per distinct name form (same name, raw mention, country, titles): identities are
# resolved over these, not over every mention. A one-word name is a form of its own per record.
person_forms = Table(
    "person_forms", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("sig", Text, nullable=False),
    Column("kind", String(10), nullable=False),   # "full" or "short"
    Column("key_article", Integer, nullable=False),  # earliest record (article id, person index)
    Column("key_idx", Integer, nullable=False),
    Column("rep", Text, nullable=False),          # JSON: the record the form stands for
    Column("n", Integer, nullable=False),
    Column("aliases", Text),                      # JSON list
    Column("stats", Text),                        # JSON: office accumulators (resolve.persons.record_stats)
    Column("identity_id", String(200)),
)
Index("ux_person_forms_sig", person_forms.c.sig, unique=True)
Index("ix_person_forms_identity", person_forms.c.identity_id)

# Blocking keys of forms: two forms a pass may compare share a key ("t|" and "w|" keys are lookups
# of first/last words and one-word names, not component edges).
person_form_keys = Table(
    "person_form_keys", metadata,
    Column("key", String(1000), primary_key=True),
    Column("form_id", Integer, primary_key=True, autoincrement=False),
)
Index("ix_person_form_keys_form", person_form_keys.c.form_id)

# Blocking keys of raw events (resolve.events.block_keys): kind "o" occupied, "p" probed; two
# events merge_events may compare have one's probed key among the other's occupied keys.
event_keys = Table(
    "event_keys", metadata,
    Column("key", String(2000), primary_key=True),
    Column("kind", String(1), primary_key=True),
    Column("article_id", Integer, primary_key=True, autoincrement=False),
    Column("event_idx", Integer, primary_key=True, autoincrement=False),
)
Index("ix_event_keys_article", event_keys.c.article_id)

# An identity id that was merged into another keeps answering: old id -> current id.
identity_redirects = Table(
    "identity_redirects", metadata,
    Column("old_id", String(200), primary_key=True),
    Column("new_id", String(200), nullable=False),
)

# Merged events counted by scope ("" the corpus, "VNM" a country, "USA|VNM" a pair) and key, kept
# in step with merged_events by resolution (store/tallies.py): the dashboard reads these counts.
event_tallies = Table(
    "event_tallies", metadata,
    Column("scope", String(10), primary_key=True),
    Column("kind", String(20), primary_key=True),
    Column("key", Text, primary_key=True),  # JSON list of the values counted
    Column("n", Integer, nullable=False),
)

INCREMENTAL_TABLES = (person_forms, person_form_keys, event_keys)

RAW_TABLES = (articles, persons, events, event_actors, commitments)
RESOLUTION_TABLES = (identities, identity_aliases, identity_members, roles, merged_events,
                     merged_event_members, merged_event_actors)
