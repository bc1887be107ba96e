"""What a command shows and where: its view rendered to one format on stdout, and every line on
stderr (``diagnostics``). Nothing heavy is imported here: Rich only when a table is drawn."""
