"""Publications' PDFs: serving them, generating an edition when none was uploaded, the reading
list, what is derived from an upload, and the download counter (the README's "PDFs" section
maps each module to what it owns)."""
