"""Full-text search: extensions, accent-insensitive text search configurations, the maintained
search vectors and their indexes. Everything PostgreSQL-specific is skipped on SQLite."""

import django.contrib.postgres.indexes
import django.contrib.postgres.search
from django.db import migrations

from thinktank.db_operations import PostgresAddIndex, PostgresExtension, PostgresRunSQL

CONFIGS = [
    ("english_unaccent", "english"),
    ("french_unaccent", "french"),
    ("simple_unaccent", "simple"),
]

CREATE_CONFIGS = "\n".join(
    f"""
    DROP TEXT SEARCH CONFIGURATION IF EXISTS {name};
    CREATE TEXT SEARCH CONFIGURATION {name} (COPY = pg_catalog.{base});
    ALTER TEXT SEARCH CONFIGURATION {name}
        ALTER MAPPING FOR hword, hword_part, word WITH unaccent, {"simple" if base == "simple" else base + "_stem"};
    """
    for name, base in CONFIGS
)
DROP_CONFIGS = "\n".join(f"DROP TEXT SEARCH CONFIGURATION IF EXISTS {name};" for name, _ in CONFIGS)


class Migration(migrations.Migration):
    dependencies = [
        ("publications", "0007_workflow_groups"),
    ]

    operations = [
        PostgresExtension("unaccent"),
        PostgresExtension("pg_trgm"),
        PostgresRunSQL(CREATE_CONFIGS, DROP_CONFIGS),
        migrations.AddField(
            model_name="publication",
            name="search_vector",
            field=django.contrib.postgres.search.SearchVectorField(editable=False, null=True),
        ),
        migrations.AddField(
            model_name="publication",
            name="search_rank_vector",
            field=django.contrib.postgres.search.SearchVectorField(editable=False, null=True),
        ),
        PostgresAddIndex(
            model_name="publication",
            index=django.contrib.postgres.indexes.GinIndex(
                fields=["search_vector"], name="publication_search_idx"
            ),
        ),
        # Trigram indexes for "did you mean" and misspelled titles/authors (word_similarity, <%).
        PostgresRunSQL(
            """
            CREATE INDEX IF NOT EXISTS publication_title_trgm_idx
                ON publications_publication USING gin (title gin_trgm_ops);
            CREATE INDEX IF NOT EXISTS author_name_trgm_idx
                ON publications_author USING gin (name gin_trgm_ops);
            """,
            """
            DROP INDEX IF EXISTS publication_title_trgm_idx;
            DROP INDEX IF EXISTS author_name_trgm_idx;
            """,
        ),
    ]
