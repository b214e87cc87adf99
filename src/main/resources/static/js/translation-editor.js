/*
 * The translation editor from the keyboard, saving as it goes (issue #5). Progressive enhancement of the plain
 * form: without this script the form saves and submits as before. Loaded from a file only (strict CSP).
 * Keys: Alt+Down / Alt+Up next / previous sentence; Ctrl+Enter save and go to the next; Ctrl+Shift+1..3 insert
 * suggestion 1..3; Ctrl+Shift+0 copy the original. Each sentence is saved through
 * POST /staff/translations/{id}/segments/{n} (CSRF header) with the revision it was loaded at, so a change made
 * in another tab is reported rather than overwritten.
 */
(function () {
  'use strict';

  var form = document.getElementById('editor-form');
  if (!form || !window.fetch || !window.URLSearchParams) {
    return;
  }
  var DELAY = 800;
  var url = form.getAttribute('data-segment-url');
  var rows = Array.prototype.slice.call(form.querySelectorAll('tr.segment-row'));

  function csrfHeaders() {
    var headers = { 'Accept': 'application/json' };
    try {
      var fromBody = JSON.parse(document.body.getAttribute('hx-headers') || '{}');
      Object.keys(fromBody).forEach(function (name) { headers[name] = fromBody[name]; });
    } catch (ignored) {
      // no header: the server refuses the save and the state says so
    }
    return headers;
  }

  var headers = csrfHeaders();

  function area(row) { return row.querySelector('textarea.segment-input'); }

  function show(row, state, message) {
    var el = row.querySelector('.save-state');
    if (!el) {
      return;
    }
    el.textContent = message || form.getAttribute('data-text-' + state) || '';
    el.className = 'save-state small save-' + state;
    row.setAttribute('data-save-state', state);
  }

  function saveNow(row) {
    var textarea = area(row);
    var revision = row.querySelector('input.segment-revision');
    var origin = row.querySelector('input.segment-origin');
    var text = textarea.value;
    if (text === row.getAttribute('data-saved-text') || row.getAttribute('data-save-state') === 'changed') {
      return Promise.resolve();
    }
    var body = new URLSearchParams();
    body.set('target', text);
    body.set('revision', revision.value);
    if (origin.value) {
      body.set('origin', origin.value);
    }
    show(row, 'saving');
    row.inFlight = (row.inFlight || 0) + 1;
    return fetch(url + row.getAttribute('data-segment'), {
      method: 'POST', headers: headers, body: body, credentials: 'same-origin'
    }).then(function (response) {
      return response.json().catch(function () { return {}; }).then(function (answer) {
        if (response.ok) {
          revision.value = answer.revision;
          row.setAttribute('data-saved-text', text);
          show(row, textarea.value === text ? 'saved' : 'saving');
        } else if (response.status === 409) {
          show(row, 'changed', answer.message);
        } else {
          show(row, 'failed', answer.message);
        }
      });
    }).catch(function () {
      show(row, 'failed');
    }).then(function () {
      row.inFlight -= 1;
    });
  }

  /** One save at a time per sentence, so the second one carries the revision the first one got. */
  function save(row) {
    clearTimeout(row.saveTimer);
    row.saving = (row.saving || Promise.resolve()).then(function () { return saveNow(row); });
    return row.saving;
  }

  function later(row) {
    clearTimeout(row.saveTimer);
    row.saveTimer = setTimeout(function () { save(row); }, DELAY);
  }

  function current() {
    var active = document.activeElement;
    return active && active.closest ? active.closest('tr.segment-row') : null;
  }

  function focus(index) {
    if (index < 0 || index >= rows.length) {
      return;
    }
    var textarea = area(rows[index]);
    textarea.focus();
    textarea.setSelectionRange(textarea.value.length, textarea.value.length);
    rows[index].scrollIntoView({ block: 'nearest' });
  }

  function insert(row, text, suggestion) {
    var textarea = area(row);
    textarea.value = text;
    row.querySelector('input.segment-origin').value = suggestion || '';
    textarea.focus();
    save(row);
  }

  /** The original as written, without the glossary renderings added for screen readers. */
  function sourceText(row) {
    var source = row.querySelector('.source-text');
    if (!source) {
      return '';
    }
    var copy = source.cloneNode(true);
    Array.prototype.forEach.call(copy.querySelectorAll('.visually-hidden'), function (hidden) { hidden.remove(); });
    return copy.textContent;
  }

  function suggestionText(row, number) {
    var item = row.querySelector('li.suggestion[data-suggestion="' + number + '"] .suggestion-text');
    return item ? item.textContent : null;
  }

  rows.forEach(function (row, index) {
    var textarea = area(row);
    row.setAttribute('data-saved-text', textarea.value);
    textarea.addEventListener('input', function () { later(row); });
    textarea.addEventListener('blur', function () { save(row); });
    textarea.addEventListener('focus', function () {
      rows.forEach(function (other) { other.classList.remove('segment-current'); });
      row.classList.add('segment-current');
    });
    Array.prototype.forEach.call(row.querySelectorAll('button.suggestion-use'), function (button) {
      button.addEventListener('click', function (event) {
        event.preventDefault();
        var number = button.closest('li.suggestion').getAttribute('data-suggestion');
        insert(row, suggestionText(row, number), number);
      });
    });
    row.editorIndex = index;
  });

  document.addEventListener('keydown', function (event) {
    var row = current();
    if (!row) {
      return;
    }
    var index = row.editorIndex;
    if (event.altKey && !event.ctrlKey && (event.key === 'ArrowDown' || event.key === 'ArrowUp')) {
      event.preventDefault();
      save(row);
      focus(index + (event.key === 'ArrowDown' ? 1 : -1));
    } else if (event.ctrlKey && !event.altKey && event.key === 'Enter') {
      event.preventDefault();
      save(row);
      focus(index + 1);
    } else if (event.ctrlKey && event.shiftKey && /^Digit[0-3]$/.test(event.code)) {
      event.preventDefault();
      var number = event.code.charAt(5);
      if (number === '0') {
        insert(row, sourceText(row), '');
      } else {
        var text = suggestionText(row, number);
        if (text !== null) {
          insert(row, text, number);
        }
      }
    }
  });

  // The whole form is sent only once every pending autosave is in: it then carries the revisions they got, and
  // the server sees no change made "elsewhere" by this very tab. With nothing pending it goes at once.
  function pending(row) {
    return row.inFlight > 0 || area(row).value !== row.getAttribute('data-saved-text')
      && row.getAttribute('data-save-state') !== 'changed';
  }

  form.addEventListener('submit', function (event) {
    if (!rows.some(pending)) {
      return;
    }
    event.preventDefault();
    var submitter = event.submitter;
    Promise.all(rows.map(function (row) { return save(row); })).then(function () {
      if (submitter && submitter.name) {
        var chosen = document.createElement('input');
        chosen.type = 'hidden';
        chosen.name = submitter.name;
        chosen.value = submitter.value || '';
        form.appendChild(chosen);
      }
      form.submit();
    });
  });
}());
