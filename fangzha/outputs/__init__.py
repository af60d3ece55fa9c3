"""One module per output family; each turns the Model into a list of pages."""
