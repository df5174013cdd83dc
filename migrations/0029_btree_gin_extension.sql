-- Lets one GIN index hold the Table (a btree-like uuid) beside the trigrams of search_text:
-- the directory always searches inside one Table (next migration).
CREATE EXTENSION IF NOT EXISTS btree_gin;
