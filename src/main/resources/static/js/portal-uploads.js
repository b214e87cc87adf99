/*
 * Kinlink portal: with JavaScript, the letter form sends its files first through tus (resumable, with a
 * progress bar; a dropped connection or a reopened browser resumes where it stopped, tus-js-client keeps
 * fingerprints in localStorage), then posts the form naming the finished uploads in hidden uploadIds fields.
 * Without JavaScript the same form posts the files itself. Every text comes from the page (data-msg-*).
 */
(function () {
  'use strict';

  var form = document.getElementById('letter-form');
  var input = document.getElementById('files-input');
  if (!form || !input || !window.Promise || !window.FileReader) {
    return;
  }
  var box = document.getElementById('upload-progress');
  var idsBox = document.getElementById('upload-ids');
  var maxSize = Number(form.getAttribute('data-max-size'));
  var maxFiles = Number(form.getAttribute('data-max-files'));
  var busy = false;

  function message(name, value) {
    var text = form.getAttribute('data-msg-' + name) || '';
    return text.replace('{0}', value === undefined ? '' : value);
  }

  function say(text, kind) {
    var p = document.createElement('p');
    p.className = 'alert alert-' + (kind || 'danger') + ' mb-2';
    p.setAttribute('role', 'alert');
    p.textContent = text;
    box.appendChild(p);
    box.hidden = false;
  }

  function loadTus(then) {
    if (window.tus) {
      then();
      return;
    }
    var script = document.createElement('script');
    script.src = form.getAttribute('data-tus-src');
    script.onload = then;
    script.onerror = function () {
      busy = false;
      say(message('failed'));
    };
    document.head.appendChild(script);
  }

  function row(file) {
    var wrapper = document.createElement('div');
    wrapper.className = 'mb-2';
    var label = document.createElement('div');
    label.className = 'small';
    label.textContent = message('uploading', file.name);
    var bar = document.createElement('progress');
    bar.className = 'w-100';
    bar.max = 100;
    bar.value = 0;
    wrapper.appendChild(label);
    wrapper.appendChild(bar);
    box.appendChild(wrapper);
    box.hidden = false;
    return bar;
  }

  function uploadId(url) {
    var parts = String(url).split('/');
    return parts[parts.length - 1];
  }

  function keep(id) {
    var hidden = document.createElement('input');
    hidden.type = 'hidden';
    hidden.name = 'uploadIds';
    hidden.value = id;
    idsBox.appendChild(hidden);
  }

  function send(files, index) {
    if (index === files.length) {
      // the files are on the server now: the form carries only their ids
      input.disabled = true;
      say(message('sending'), 'info');
      form.submit();
      return;
    }
    var file = files[index];
    var bar = row(file);
    var upload = new window.tus.Upload(file, {
      endpoint: form.getAttribute('data-tus-endpoint'),
      chunkSize: 50 * 1024 * 1024,
      retryDelays: [0, 1000, 3000, 5000, 10000, 20000, 30000, 60000],
      metadata: { filename: file.name, filetype: file.type },
      removeFingerprintOnSuccess: false,
      onProgress: function (sent, total) {
        bar.value = total > 0 ? Math.floor((sent * 100) / total) : 100;
      },
      onError: function () {
        busy = false;
        say(message('failed'));
      },
      onSuccess: function () {
        bar.value = 100;
        keep(uploadId(upload.url));
        send(files, index + 1);
      }
    });
    upload.findPreviousUploads().then(function (previous) {
      if (previous.length > 0) {
        upload.resumeFromPreviousUpload(previous[0]);
      }
      upload.start();
    });
  }

  form.addEventListener('submit', function (event) {
    var files = Array.prototype.slice.call(input.files || []);
    if (files.length === 0) {
      return;
    }
    event.preventDefault();
    if (busy) {
      return;
    }
    box.textContent = '';
    var named = form.querySelectorAll('input[name="uploadIds"]:checked, input[type="hidden"][name="uploadIds"]').length;
    if (named + files.length > maxFiles) {
      say(message('too-many', maxFiles));
      return;
    }
    for (var i = 0; i < files.length; i++) {
      if (files[i].size > maxSize) {
        say(message('too-large', files[i].name));
        return;
      }
    }
    busy = true;
    loadTus(function () {
      send(files, 0);
    });
  });
}());
