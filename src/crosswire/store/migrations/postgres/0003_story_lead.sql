-- The first sentence of a story's summary, kept beside the digest so that story lists
-- (front page, search, API) need not read and parse every digest.
ALTER TABLE stories ADD COLUMN lead TEXT;
UPDATE stories SET lead = (digest::jsonb) #>> '{summary,0,text}' WHERE digest IS NOT NULL;
