"""What keyform knows of each appliance's API — paths, fields, and how to read a live state — kept
apart from the constructs that declare it, so the constructs, the importer and the plan report read
it from one place. One module per appliance API."""
