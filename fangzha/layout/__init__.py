"""One measuring model for every fixed-size surface (slides, screens, pages, banners)."""
