-- When a member joined a body (issue 16: the network as it was a year ago). Members from before
-- this migration have none and count from the body's creation.
ALTER TABLE body_member ADD COLUMN joined_on TEXT;
