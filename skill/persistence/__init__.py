"""Where listener progress is kept: SQLite (embedded default) and DynamoDB (AWS), side by side."""
