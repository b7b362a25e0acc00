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

// Passkeys (WebAuthn). The options come from the portal, which asks identity-service for them; the browser's
// answer goes back in an ordinary form post, so the rest of the login (cookies, the e-service waiting) is the
// same as with a password. Nothing here is needed to log in with a password.
const passkeysWork = () => window.PublicKeyCredential && PublicKeyCredential.parseRequestOptionsFromJSON
  && PublicKeyCredential.parseCreationOptionsFromJSON;

async function passkeyOptions(form) {
  const answer = await fetch(form.dataset.options, { method: "POST", body: new URLSearchParams(new FormData(form)) });
  if (!answer.ok) {
    throw new Error("options: " + answer.status);
  }
  return answer.json();
}

function showPasskeyError(form) {
  const error = form.querySelector("[role=alert]");
  error.hidden = false;
  error.tabIndex = -1;
  error.focus();
}

// Login: the passkey is offered in the username field's autofill (conditional mediation) and by a button.
const passkeyLogin = document.getElementById("passkey-login");
if (passkeyLogin && passkeysWork()) {
  passkeyLogin.hidden = false;
  let pending = null;
  const logIn = async (mediation) => {
    pending?.abort();
    const request = new AbortController();
    pending = request;
    try {
      const options = PublicKeyCredential.parseRequestOptionsFromJSON(await passkeyOptions(passkeyLogin));
      const credential = await navigator.credentials.get({ publicKey: options, mediation, signal: request.signal });
      passkeyLogin.querySelector("#passkey-response").value = JSON.stringify(credential.toJSON());
      passkeyLogin.submit();
    } catch (error) {
      // A conditional request is aborted by the button, and a prompt the resident closed is no error to show.
      if (mediation !== "conditional" && error.name !== "AbortError" && error.name !== "NotAllowedError") {
        showPasskeyError(passkeyLogin);
      }
    }
  };
  document.getElementById("log-in-with-passkey").addEventListener("click", () => logIn("optional"));
  // Only where a field offers it (autocomplete="username webauthn"): the second-factor step has none.
  if (document.querySelector('input[autocomplete~="webauthn"]')) {
    PublicKeyCredential.isConditionalMediationAvailable?.().then((available) => available && logIn("conditional"));
  }
}

// Settings: a new passkey, created with the options the page carries.
const passkeyRegistration = document.getElementById("passkey-registration");
if (passkeyRegistration && passkeysWork()) {
  passkeyRegistration.hidden = false;
  document.getElementById("create-passkey").addEventListener("click", async () => {
    try {
      const options = PublicKeyCredential.parseCreationOptionsFromJSON(JSON.parse(passkeyRegistration.dataset.publicKey));
      const credential = await navigator.credentials.create({ publicKey: options });
      passkeyRegistration.querySelector("#passkey-registration-response").value = JSON.stringify(credential.toJSON());
      passkeyRegistration.submit();
    } catch (error) {
      showPasskeyError(passkeyRegistration);
    }
  });
}
