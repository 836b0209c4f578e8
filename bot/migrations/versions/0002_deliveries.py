"""Add users.deliveries: the last platform message ids applied and the latest one's replies.

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-07
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | Sequence[str] | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Add the nullable deliveries column (existing users simply have none yet)."""
    op.add_column("users", sa.Column("deliveries", sa.Text(), nullable=True))


def downgrade() -> None:
    """Drop the deliveries column."""
    with op.batch_alter_table("users") as batch:
        batch.drop_column("deliveries")
