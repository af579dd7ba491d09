-- A btree entry cannot hold a key over about 2.7 kB, yet an exact URL may be 4,096 characters.
-- Lookups are by equality only, so a hash index serves them with no size limit.
DROP INDEX declaration_subject_lookup;
CREATE INDEX declaration_subject_lookup ON declaration_subject USING hash (lookup_key);
