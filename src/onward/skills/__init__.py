"""Skills: the vocabulary Onward ships (built from O*NET, ESCO and a job-posting gazetteer,
see docs/skills.md), finding skills in text, reading resume files, and comparing a resume
with job descriptions. Nothing here touches the database."""
