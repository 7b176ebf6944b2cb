"""The JSON Schemas shipped with the package (locations, norm files, reports)."""
