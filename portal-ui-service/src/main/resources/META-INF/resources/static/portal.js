// The portal's own script, served from its origin (the CSP allows scripts from 'self' only). Every page
// works without it; it only adds what HTML cannot do alone.
"use strict";

// Escape closes the language menu (a <details>) and gives the focus back to its summary, as a menu should.
document.addEventListener("keydown", (event) => {
  if (event.key !== "Escape") {
    return;
  }
  const menu = document.querySelector("details.language-menu[open]");
  if (menu) {
    menu.open = false;
    menu.querySelector("summary").focus();
  }
});
