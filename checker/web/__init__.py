"""The local web page of `opvangtoets serve`: routes, form and pages."""
