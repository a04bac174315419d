"""Published forms of the explainer beyond the HTML site: the print PDF (`pdf.py`)."""
