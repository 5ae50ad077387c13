"""The Textual game: the only part of Newsroom that imports Textual.

`app.NewsroomApp` is thin; each screen is a module in `screens/`, each widget a module in `widgets/`, with
their `.tcss` beside them. `text`, `preview` and `session` are plain Python the screens lean on.
"""
