// The header on phones: search and main menu fold away behind one "Menü" button, so the page's
// own content starts on the first screen. Without JavaScript the button is a link to the menu
// that the stylesheet opens with :target; this script makes it a real toggle button
// (aria-expanded) and opens the working groups' list with the menu, so one tap shows them.
// On wide screens the menu is always open and the working groups are a dropdown that closes
// on Escape or a click elsewhere.
(function () {
  var header = document.querySelector(".site-header");
  var button = header && header.querySelector(".site-header__menu-button");
  if (!button) {
    return;
  }
  var phones = window.matchMedia("(max-width: 767px)");
  var groups = header.querySelectorAll(".main-menu__group");

  button.setAttribute("role", "button");
  button.setAttribute("aria-expanded", "false");
  header.classList.add("site-header--scripted");

  function setOpen(open) {
    button.setAttribute("aria-expanded", open ? "true" : "false");
    header.classList.toggle("site-header--open", open);
    if (phones.matches) {
      groups.forEach(function (group) {
        group.open = open;
      });
    }
  }

  button.addEventListener("click", function (event) {
    event.preventDefault();
    setOpen(button.getAttribute("aria-expanded") !== "true");
  });
  // A link with role=button is also pressed with the space bar.
  button.addEventListener("keydown", function (event) {
    if (event.key === " ") {
      event.preventDefault();
      button.click();
    }
  });

  header.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") {
      return;
    }
    var openGroup = header.querySelector(".main-menu__group[open]");
    if (!phones.matches && openGroup) {
      openGroup.open = false;
      openGroup.querySelector("summary").focus();
    } else if (button.getAttribute("aria-expanded") === "true") {
      setOpen(false);
      button.focus();
    }
  });

  document.addEventListener("click", function (event) {
    if (phones.matches) {
      return;
    }
    groups.forEach(function (group) {
      if (group.open && !group.contains(event.target)) {
        group.open = false;
      }
    });
  });

  phones.addEventListener("change", function () {
    setOpen(false);
    groups.forEach(function (group) {
      group.open = false;
    });
  });
})();
