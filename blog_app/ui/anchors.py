"""Links beyond ``rx.link``: in-page anchors (``#section``) the browser follows, the jump to one once the page has it, links that look like buttons."""

from __future__ import annotations

import reflex as rx
from reflex_base.components.component import field
from reflex_base.utils.imports import ImportVar
from reflex_base.vars.base import Var, VarData
from reflex_components_core.base.fragment import Fragment
from reflex_components_core.el.elements.inline import A
from reflex_components_core.react_router.dom import ReactRouterLink

# Part of the page's compiled code, not a script sent from the server: the Content-Security-Policy
# forbids eval, which Reflex's rx.call_script uses. An address whose #fragment is not valid
# percent-encoding names no heading.
_JUMP_TO_ADDRESS_ANCHOR = """useEffect(() => {
  let id = "";
  try { id = decodeURIComponent(window.location.hash.slice(1)); } catch { return; }
  if (!id) return;
  let frames = 0;
  let request = 0;
  const jump = () => {
    const target = document.getElementById(id);
    if (target) target.scrollIntoView();
    else if (frames++ < 60) request = requestAnimationFrame(jump);
  };
  jump();
  return () => cancelAnimationFrame(request);
}, [%s]);"""


def in_page_link(*children: rx.Component | rx.Var | str, anchor: rx.Var[str] | str, **props) -> rx.Component:
    """An ``<a href="#anchor">`` the browser itself follows (scrolls, updates the hash, keeps focus order)."""
    return A.create(*children, href="#" + anchor, **props)


class AddressAnchorJump(Fragment):
    """Renders nothing; scrolls to the address's ``#anchor`` whenever ``content_key`` changes."""

    content_key: Var[str] = field(doc="Changes when new content (e.g. another post) has been rendered.")

    def add_imports(self) -> dict[str, list[ImportVar]]:
        """React's effect hook."""
        return {"react": [ImportVar(tag="useEffect")]}

    def add_hooks(self) -> list[str | Var]:
        """The effect, re-run when the content's key changes."""
        return [
            Var(
                _JUMP_TO_ADDRESS_ANCHOR % self.content_key,
                _var_data=VarData.merge(self.content_key._get_all_var_data()),
            )
        ]

    def _exclude_props(self) -> list[str]:
        return [*super()._exclude_props(), "content_key"]


def jump_to_address_anchor(content_key: rx.Var[str]) -> rx.Component:
    """Scroll to the heading the address's ``#anchor`` names once content keyed ``content_key`` is shown.

    Content that arrives after the page renders (over the websocket) comes too late for the
    browser's own jump to ``#anchor``; this waits for the element (a few frames at most).
    """
    return AddressAnchorJump.create(content_key=content_key)


def button_link(*children: rx.Component | str, href: str | rx.Var[str], **button_props) -> rx.Component:
    """A link that looks like a Radix button: one ``<a>`` the router follows (a ``<button>`` inside an ``<a>`` is invalid HTML).

    Args:
        children: The button's content.
        href: Where it leads (a path of this site: the router navigates without a reload).
        button_props: Radix button props (``size``, ``variant``, ...).
    """
    return rx.button(ReactRouterLink.create(*children, to=href), as_child=True, **button_props)
