"""Facts about a module computed once and shared by every rule."""
