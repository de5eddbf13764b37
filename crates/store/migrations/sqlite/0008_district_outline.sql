-- The outline public readers are shown (issue 11): the boundary simplified to a few metres at
-- import, so that maps and answers stay small whatever the detail of the stored geometry.
-- NULL for districts imported before: readers then get the stored geometry.
ALTER TABLE district ADD COLUMN outline TEXT;
